// The mock's SigV4 check before issue 20, kept verbatim as the reference the node:crypto verifier
// (mock/auth/sigv4.ts) is held to: it re-signs the request with AWS's own @smithy/signature-v4.
import { timingSafeEqual } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { ApiError } from '../../../mock/host/api-error.ts';
import type { WireRequest } from '../../../mock/host/types.ts';
import type { Checked } from '../../../mock/providers/aws-iot/auth.ts';
import type { AwsCredentialPair } from '../../../mock/providers/aws-iot/credentials.ts';
import { unauthorized } from '../../../mock/providers/aws-iot/errors.ts';

/** SHA-256 on node:crypto, in the shape the signer takes (the JS SDK's hash on Node). */
class Sha256 extends Hash {
  constructor(secret?: ConstructorParameters<typeof Hash>[1]) {
    super('sha256', secret);
  }
}

/** The query as the signer takes it: decoded values, a repeated name as a list. */
function queryOf(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

// One signer per key, region and service: it caches the derived signing key per day, which
// a signer made per request would derive again (four HMACs) every time. Bounded: oldest out.
const signers = new Map<string, SignatureV4>();

function signerFor(credentials: AwsCredentialPair, region: string, service: string): SignatureV4 {
  const id = `${credentials.accessKeyId}\u0000${credentials.secretAccessKey}\u0000${region}\u0000${service}`;
  let signer = signers.get(id);
  if (signer) return signer;
  signer = new SignatureV4({
    credentials,
    region,
    service,
    sha256: Sha256,
    uriEscapePath: true,
    applyChecksum: false, // take the client's x-amz-content-sha256 if it sent one; never add it
  });
  if (signers.size >= 256) signers.delete(signers.keys().next().value!);
  signers.set(id, signer);
  return signer;
}

/**
 * Recomputes the signature with AWS's own SigV4 implementation over the request as received
 * (method, path as sent, which the signer URI-escapes again as the SDK did, query, the signed
 * headers, body hash) at the client's x-amz-date, and compares in constant time.
 */
export async function referenceVerifySignature(req: WireRequest, checked: Checked | ApiError): Promise<ApiError | undefined> {
  if (checked instanceof ApiError) return checked;
  const { auth, credentials, signingDate } = checked;
  const headers = Object.fromEntries(auth.signedHeaders.map((h) => [h, req.headers[h]!]));
  const signer = signerFor(credentials, auth.region, auth.service);
  let expected = '';
  try {
    const signed = await signer.sign(
      { method: req.method, protocol: 'http:', hostname: '', path: req.path, query: queryOf(req.query), headers, body: req.rawBody },
      { signingDate, signableHeaders: new Set(auth.signedHeaders) },
    );
    expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization))?.[1] ?? '';
  } catch {
    // A request the signer cannot even canonicalise cannot carry a valid signature.
  }
  const same = expected.length === 64 && timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(auth.signature, 'hex'));
  return same ? undefined : unauthorized('The request signature we calculated does not match the signature you provided.');
}

