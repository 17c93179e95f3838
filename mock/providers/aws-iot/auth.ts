import { createHash, timingSafeEqual } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { ApiError } from '../../host/api-error.ts';
import type { WireRequest } from '../../host/types.ts';
import { SIGNING_SERVICES, type AwsCredentialPair } from './credentials.ts';
import { unauthorized } from './errors.ts';
import { parseAmzDate, parseAuthorization, type SigV4Authorization } from './sigv4-header.ts';

/** AWS refuses signatures more than 15 minutes from its own time (replay protection). */
const MAX_SKEW_MS = 15 * 60_000;

/** SHA-256 on node:crypto, in the shape the signer takes (the JS SDK's hash on Node). */
class Sha256 extends Hash {
  constructor(secret?: ConstructorParameters<typeof Hash>[1]) {
    super('sha256', secret);
  }
}

/** SHA-256 of no bytes: GET and DELETE carry no body, so most requests need no hashing. */
const EMPTY_SHA256 = createHash('sha256').digest('hex');
const bodyHash = (body: Buffer) => (body.length ? createHash('sha256').update(body).digest('hex') : EMPTY_SHA256);

export interface Checked {
  auth: SigV4Authorization;
  credentials: AwsCredentialPair;
  signingDate: Date;
}

/**
 * Everything about a request's signature that needs no signing: header form, known access
 * key, scope, date and skew, signed headers present, body hash. Synchronous, so the host can
 * refuse before it validates the input.
 */
export function checkRequest(req: WireRequest, keys: ReadonlyMap<string, AwsCredentialPair>): Checked | ApiError {
  const auth = parseAuthorization(req.headers.authorization);
  if (typeof auth === 'string') return unauthorized(auth);
  const credentials = keys.get(auth.accessKeyId);
  if (!credentials) return unauthorized('The security token included in the request is invalid (unknown access key).');
  if (!SIGNING_SERVICES.includes(auth.service)) {
    return unauthorized(`the credential scope names service '${auth.service}'; expected ${SIGNING_SERVICES.join(' or ')}`);
  }
  const signingDate = parseAmzDate(req.headers['x-amz-date']);
  if (!signingDate) return unauthorized('x-amz-date is missing or not of the form yyyymmddThhmmssZ');
  if (!req.headers['x-amz-date']!.startsWith(auth.date)) return unauthorized('the credential scope date is not the date of x-amz-date');
  if (Math.abs(signingDate.getTime() - Date.now()) > MAX_SKEW_MS) {
    return unauthorized('Signature expired: x-amz-date is more than 15 minutes from the server time');
  }
  for (const h of ['host', 'x-amz-date']) if (!auth.signedHeaders.includes(h)) return unauthorized(`SignedHeaders must include ${h}`);
  const missing = auth.signedHeaders.find((h) => !Object.hasOwn(req.headers, h));
  if (missing) return unauthorized(`the signed header ${missing} is not in the request`);
  const declared = req.headers['x-amz-content-sha256'];
  // The signature covers this header, not the body: it must be the body's hash to cover the body.
  if (declared !== undefined && declared !== bodyHash(req.rawBody)) {
    return unauthorized('x-amz-content-sha256 is not the SHA-256 of the request body');
  }
  return { auth, credentials, signingDate };
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
export async function verifySignature(req: WireRequest, checked: Checked | ApiError): Promise<ApiError | undefined> {
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

/** The region of the request's credential scope (AWS IoT ARNs name the region they live in). */
export function signingRegion(req: WireRequest): string | undefined {
  const auth = parseAuthorization(req.headers.authorization);
  return typeof auth === 'string' ? undefined : auth.region;
}
