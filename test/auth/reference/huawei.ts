// The mock's AK/SK check before issue 20, kept verbatim as the reference the node:crypto
// verifier (mock/auth/sdk-hmac.ts) is held to: it runs the canonicalisation steps of the
// official Node signer (@huaweicloud/huaweicloud-sdk-core AKSKSigner).
import { createHash, timingSafeEqual } from 'node:crypto';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import type { WireRequest } from '../../../mock/host/types.ts';
import type { AkSkClaim } from '../../../mock/providers/huawei-scm/aksk.ts';

interface SignerSteps {
  SDK_SIGNING_ALGORITHM: string;
  CanonicalURI(path: string): string;
  CanonicalQueryString(r: { queryParams: Record<string, string | string[]> }): string;
  buildCanonicalHeaders(headers: Record<string, string>): string;
  buildCanonicalRequest(m: string, uri: string, query: string, headers: string, signed: string, payload: string): string;
  getStringToSign(algorithm: string, date: string, canonicalHash: string): string;
  Hex(s: string): string;
  hmacSHA256(sk: string, s: string): string;
}
const steps = AKSKSigner as unknown as SignerSteps;
function queryObject(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

/**
 * Recomputes the signature of the request as received, with the secret key of the claimed AK,
 * and says whether it is the one sent. The payload hash is of the body bytes on the wire
 * (or the signed X-Sdk-Content-Sha256 value, e.g. UNSIGNED-PAYLOAD).
 */
export function referenceSignatureMatches(req: WireRequest, claim: AkSkClaim, sk: string, date: string): boolean {
  const headers: Record<string, string> = {};
  for (const name of claim.signedHeaders) headers[name] = req.headers[name] ?? '';
  const payload = claim.signedHeaders.includes('x-sdk-content-sha256')
    ? req.headers['x-sdk-content-sha256']!
    : createHash('sha256').update(req.rawBody).digest('hex');
  const canonical = steps.buildCanonicalRequest(
    req.method.toUpperCase(),
    steps.CanonicalURI(req.path),
    steps.CanonicalQueryString({ queryParams: queryObject(req.query) }),
    steps.buildCanonicalHeaders(headers),
    claim.signedHeaders.join(';'),
    payload,
  );
  const expected = steps.hmacSHA256(sk, steps.getStringToSign(steps.SDK_SIGNING_ALGORITHM, date, steps.Hex(canonical)));
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(claim.signature, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
