// Alibaba Cloud signature V3 (ACS3-HMAC-SHA256) on node:crypto. Why it exists: the mock used to
// recompute it with @alicloud/openapi-util's getAuthorization on every request; this is the
// same canonical request (openapi-util 0.3's, the code @alicloud/openapi-client signs with)
// without the SDK in the mock's hot path. test/auth/acs3.test.ts holds it to that signer and
// to the check it replaced.
import { createHash, createHmac } from 'node:crypto';
import type { WireRequest } from '../host/types.ts';
import { escapeRfc3986, sameSignature } from './encode.ts';

type Signed = Pick<WireRequest, 'method' | 'path' | 'query' | 'headers'>;

/** Only these of the listed headers enter the canonical request (openapi-util's rule). */
const canonicalName = (h: string) => h.startsWith('x-acs-') || h === 'host' || h === 'content-type';

/**
 * Whether `signature` (hex) signs the request. `signedNames` are the SignedHeaders the client
 * listed (present in the request); `payloadHash` is hex SHA-256 of the body. The signer's own
 * quirks are kept: only the first '+', '*' and '%7E' of the path are rewritten, a repeated
 * query key signs its last value, and keys are sorted and written as they are (values escaped).
 */
export function acs3Matches(req: Signed, signedNames: string[], signature: string, secret: string, payloadHash: string): boolean {
  const path = req.path.replace('+', '%20').replace('*', '%2A').replace('%7E', '~');
  const last = new Map<string, string>();
  for (const [k, v] of req.query) last.set(k, v);
  let query: string;
  try {
    query = [...last.keys()].sort().map((k) => `${k}=${escapeRfc3986(last.get(k)!)}`).join('&');
  } catch {
    return false; // a lone surrogate cannot be escaped, so no signer could have signed it
  }
  const names = [...new Set(signedNames.filter(canonicalName))].sort();
  const headers = names.map((h) => `${h}:${(req.headers[h] || '').trim()}\n`).join('');
  const canonical = [req.method.toUpperCase(), path, query, headers, names.join(';'), payloadHash].join('\n');
  const toSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonical).digest('hex')}`;
  return sameSignature(signature, createHmac('sha256', secret).update(toSign).digest('hex'));
}
