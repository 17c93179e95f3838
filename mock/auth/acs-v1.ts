// Alibaba Cloud RPC signature V1 (HMAC-SHA1) on node:crypto. Why it exists: the mock used to
// recompute it with @alicloud/openapi-util's getRPCSignature (what @alicloud/openapi-client's
// doRPCRequest and pop-core's rpc.js compute); this is the same string to sign without the SDK
// in the mock's hot path. test/auth/acs-v1.test.ts holds it to that signer and to the old check.
import { createHmac } from 'node:crypto';
import { escapeRfc3986, sameSignature } from './encode.ts';

/**
 * Whether `signature` (base64) signs `params` (every query and form parameter but Signature)
 * for `method`: base64(HMAC-SHA1(secret + "&", METHOD&%2F&escape(sorted escape(k)=escape(v)))).
 */
export function acsV1Matches(params: Record<string, string>, method: string, signature: string, secret: string): boolean {
  let canonical: string;
  try {
    canonical = Object.keys(params)
      // The signer copies parameters into a plain object, where `__proto__` is no key.
      .filter((k) => k !== '__proto__')
      .sort()
      .map((k) => `${escapeRfc3986(k)}=${escapeRfc3986(params[k]!)}`)
      .join('&');
  } catch {
    return false; // a lone surrogate cannot be escaped, so no signer could have signed it
  }
  const toSign = `${method}&%2F&${escapeRfc3986(canonical)}`;
  return sameSignature(signature, createHmac('sha1', `${secret}&`).update(toSign).digest('base64'));
}
