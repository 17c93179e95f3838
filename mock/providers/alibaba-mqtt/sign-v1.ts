import type { ApiError } from '../../host/api-error.ts';
import { acsV1Matches } from '../../auth/acs-v1.ts';
import { secretOf } from './credentials.ts';
import { incompleteSignature, missingParameter, signatureDoesNotMatch } from './errors.ts';
import type { RpcCall } from './rpc.ts';

/**
 * Signature V1: base64(HMAC-SHA1(secret + "&", METHOD&%2F&percentEncode(sorted k=v))) over
 * every query and form parameter but Signature, recomputed on node:crypto as openapi-util's
 * getRPCSignature computes it (mock/auth/acs-v1.ts; what @alicloud/openapi-client signs with,
 * pop-core's rpc.js computes the same string).
 */
export function verifyV1(call: RpcCall): ApiError | undefined {
  const { Signature: signature, ...signed } = call.params;
  if (signature === undefined) return missingParameter('Signature');
  if (signed.AccessKeyId === undefined) return missingParameter('AccessKeyId');
  if (signed.SignatureMethod !== 'HMAC-SHA1' || signed.SignatureVersion !== '1.0') {
    return incompleteSignature('V1 requests are signed with SignatureMethod HMAC-SHA1, SignatureVersion 1.0');
  }
  const secret = secretOf(signed.AccessKeyId);
  if (secret === undefined) return signatureDoesNotMatch('the AccessKeyId is not known to this mock');
  const same = acsV1Matches(signed, call.wire.method.toUpperCase(), signature, secret);
  return same ? undefined : signatureDoesNotMatch('V1 signature');
}
