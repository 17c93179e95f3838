// Huawei Cloud AK/SK signature (SDK-HMAC-SHA256) on node:crypto. Why it exists: the mock used to
// call the canonicalisation steps of @huaweicloud/huaweicloud-sdk-core's AKSKSigner on every
// request; this is the same canonical request (trailing '/' on the URI, each segment escaped,
// sorted query, headers sorted as the SDK sorts them) written out without the SDK.
// test/auth/sdk-hmac.test.ts holds it to the official signer and to the check it replaced.
import { createHash, createHmac } from 'node:crypto';
import type { WireRequest } from '../host/types.ts';
import { escapeRfc3986, sameSignature } from './encode.ts';

type Signed = Pick<WireRequest, 'method' | 'path' | 'query' | 'headers' | 'rawBody'>;

// The SDK orders canonical headers with String#localeCompare; this is that order, built once.
const collator = new Intl.Collator();

const canonicalUri = (path: string) => {
  const uri = path.split('/').map(escapeRfc3986).join('/');
  return uri.endsWith('/') || uri === '' ? uri : `${uri}/`;
};

/** Keys sorted as written, then escaped; a repeated key's values sorted, then escaped. */
function canonicalQuery(query: URLSearchParams): string {
  const keys = [...new Set(query.keys())].sort();
  return keys.flatMap((k) => query.getAll(k).sort().map((v) => `${escapeRfc3986(k)}=${escapeRfc3986(v)}`)).join('&');
}

/**
 * Whether `signature` (lower-case hex) signs the request at `date` (X-Sdk-Date) with `sk`.
 * `signedHeaders` are lower-case names as listed; they enter the string to sign as listed and
 * the canonical headers once each, values as received. A signed X-Sdk-Content-Sha256 (e.g.
 * UNSIGNED-PAYLOAD) stands for the body's hash.
 */
export function sdkHmacMatches(req: Signed, signedHeaders: string[], signature: string, sk: string, date: string): boolean {
  // Each name once (the SDK keeps them as keys of a plain object, which has no `__proto__`).
  const names = [...new Set(signedHeaders)].filter((h) => h !== '__proto__').sort((a, b) => collator.compare(a, b));
  const headers = names.map((h) => `${h}:${req.headers[h] ?? ''}\n`).join('');
  const payload = signedHeaders.includes('x-sdk-content-sha256')
    ? req.headers['x-sdk-content-sha256']!
    : createHash('sha256').update(req.rawBody).digest('hex');
  let uri: string;
  let query: string;
  try {
    [uri, query] = [canonicalUri(req.path), canonicalQuery(req.query)];
  } catch {
    return false; // a lone surrogate cannot be escaped, so no signer could have signed it
  }
  const canonical = [req.method.toUpperCase(), uri, query, headers, signedHeaders.join(';'), payload].join('\n');
  const toSign = `SDK-HMAC-SHA256\n${date}\n${createHash('sha256').update(canonical).digest('hex')}`;
  return sameSignature(signature, createHmac('sha256', sk).update(toSign).digest('hex'));
}
