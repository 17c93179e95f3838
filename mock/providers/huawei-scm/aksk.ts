import { createHash, timingSafeEqual } from 'node:crypto';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import type { WireRequest } from '../../host/types.ts';

/**
 * The canonicalisation steps of the official Node signer (@huaweicloud/huaweicloud-sdk-core
 * AKSKSigner). They are `protected` in its typings but plain static functions at run time;
 * reusing them means the mock verifies exactly what the SDK signs (trailing '/' on the URI,
 * its own percent-encoding, sorted query, lower-cased canonical headers).
 */
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

const AUTH_RE = /^(\S+) Access=([^,\s]+), SignedHeaders=([^,\s]+), Signature=([0-9a-fA-F]+)$/;

export interface AkSkClaim {
  ak: string;
  signedHeaders: string[];
  signature: string;
}

/** The parts of an `Authorization: SDK-HMAC-SHA256 ...` header, or why it is not one. */
export function parseAuthorization(value: string): AkSkClaim | string {
  const m = AUTH_RE.exec(value.trim());
  if (!m) return 'the Authorization header is not an SDK-HMAC-SHA256 signature';
  if (m[1] !== steps.SDK_SIGNING_ALGORITHM) return `unsupported signing algorithm ${m[1]}`;
  return { ak: m[2]!, signedHeaders: m[3]!.toLowerCase().split(';'), signature: m[4]!.toLowerCase() };
}

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
export function signatureMatches(req: WireRequest, claim: AkSkClaim, sk: string, date: string): boolean {
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
