import { sdkHmacMatches } from '../../auth/sdk-hmac.ts';
import type { WireRequest } from '../../host/types.ts';

const ALGORITHM = 'SDK-HMAC-SHA256';
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
  if (m[1] !== ALGORITHM) return `unsupported signing algorithm ${m[1]}`;
  return { ak: m[2]!, signedHeaders: m[3]!.toLowerCase().split(';'), signature: m[4]!.toLowerCase() };
}

/**
 * Recomputes the signature of the request as received, with the secret key of the claimed AK,
 * on node:crypto as the official Node signer (AKSKSigner) computes it (mock/auth/sdk-hmac.ts),
 * and says whether it is the one sent. The payload hash is of the body bytes on the wire (or
 * the signed X-Sdk-Content-Sha256 value, e.g. UNSIGNED-PAYLOAD).
 */
export function signatureMatches(req: WireRequest, claim: AkSkClaim, sk: string, date: string): boolean {
  return sdkHmacMatches(req, claim.signedHeaders, claim.signature, sk, date);
}
