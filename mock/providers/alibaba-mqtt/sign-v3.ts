import { createHash } from 'node:crypto';
import type { ApiError } from '../../host/api-error.ts';
import { acs3Matches } from '../../auth/acs3.ts';
import { secretOf } from './credentials.ts';
import { incompleteSignature, signatureDoesNotMatch } from './errors.ts';
import type { RpcCall } from './rpc.ts';

const ALGORITHM = 'ACS3-HMAC-SHA256';
const AUTHORIZATION = /^ACS3-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/;
/** The AccessKey id a V3 Authorization names (undefined when the header is malformed). */
export const accessKeyIdOf = (authorization: string): string | undefined => AUTHORIZATION.exec(authorization.trim())?.[1];
/** What a V3 signature must cover (specs/alibaba-mqtt.yaml, securitySchemes.acs3). */
const MUST_SIGN = ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'];

/**
 * Signature V3 (`Authorization: ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..`),
 * recomputed on node:crypto as openapi-util's getAuthorization computes it (mock/auth/acs3.ts;
 * what @alicloud/openapi-client signs with), over the headers the client says it signed. The
 * body must hash to x-acs-content-sha256, else the signature would vouch for a body never sent.
 */
export function verifyV3(call: RpcCall, authorization: string): ApiError | undefined {
  const m = AUTHORIZATION.exec(authorization.trim());
  if (!m) return incompleteSignature(`the Authorization header is not '${ALGORITHM} Credential=..,SignedHeaders=..,Signature=..'`);
  const [, accessKeyId, signedList, signature] = m as unknown as [string, string, string, string];
  const { headers } = call.wire;
  const signedNames = signedList.split(';');
  const unsigned = MUST_SIGN.filter((h) => !signedNames.includes(h));
  if (unsigned.length) return incompleteSignature(`SignedHeaders lacks ${unsigned.join(', ')}`);
  const absent = signedNames.filter((h) => headers[h] === undefined);
  if (absent.length) return incompleteSignature(`signed headers missing from the request: ${absent.join(', ')}`);
  const bodyHash = createHash('sha256').update(call.wire.rawBody).digest('hex');
  if (headers['x-acs-content-sha256'] !== bodyHash) return signatureDoesNotMatch('x-acs-content-sha256 is not the hash of the body');
  const secret = secretOf(accessKeyId);
  if (secret === undefined) return signatureDoesNotMatch('the AccessKeyId is not known to this mock');
  const same = acs3Matches(call.wire, signedNames, signature, secret, bodyHash);
  return same ? undefined : signatureDoesNotMatch('V3 signature');
}
