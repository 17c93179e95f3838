import { createHash } from 'node:crypto';
import { sigV4Matches } from '../../auth/sigv4.ts';
import { ApiError } from '../../host/api-error.ts';
import type { WireRequest } from '../../host/types.ts';
import { SIGNING_SERVICES, type AwsCredentialPair } from './credentials.ts';
import { unauthorized } from './errors.ts';
import { parseAmzDate, parseAuthorization, type SigV4Authorization } from './sigv4-header.ts';

/** AWS refuses signatures more than 15 minutes from its own time (replay protection). */
const MAX_SKEW_MS = 15 * 60_000;

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

/**
 * Recomputes the SigV4 signature over the request as received (method, path as sent, which
 * is URI-escaped again as the SDK's signer does, query, the signed headers, body hash) at the
 * client's x-amz-date, on node:crypto (mock/auth/sigv4.ts, held to AWS's own signer by
 * test/auth/sigv4.test.ts), and compares in constant time.
 */
export function verifySignature(req: WireRequest, checked: Checked | ApiError): ApiError | undefined {
  if (checked instanceof ApiError) return checked;
  const { auth, credentials, signingDate } = checked;
  if (sigV4Matches(req, auth, credentials.secretAccessKey, signingDate)) return undefined;
  return unauthorized('The request signature we calculated does not match the signature you provided.');
}

/** The region of the request's credential scope (AWS IoT ARNs name the region they live in). */
export function signingRegion(req: WireRequest): string | undefined {
  const auth = parseAuthorization(req.headers.authorization);
  return typeof auth === 'string' ? undefined : auth.region;
}
