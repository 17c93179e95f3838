// The mock's Alibaba V1 and V3 checks before issue 20, kept verbatim as the reference the
// node:crypto verifiers (mock/auth/acs-v1.ts, acs3.ts) are held to: they recompute signatures
// with @alicloud/openapi-util, the code @alicloud/openapi-client signs with.
import { createHash } from 'node:crypto';
import openApiUtilModule from '@alicloud/openapi-util';
import type { ApiError } from '../../../mock/host/api-error.ts';
import { sameSignature } from '../../../mock/auth/encode.ts';
import { secretOf } from '../../../mock/providers/alibaba-mqtt/credentials.ts';
import { incompleteSignature, missingParameter, signatureDoesNotMatch } from '../../../mock/providers/alibaba-mqtt/errors.ts';
import type { RpcCall } from '../../../mock/providers/alibaba-mqtt/rpc.ts';

const OpenApiUtil = openApiUtilModule.default;
export function referenceVerifyV1(call: RpcCall): ApiError | undefined {
  const { Signature: signature, ...signed } = call.params;
  if (signature === undefined) return missingParameter('Signature');
  if (signed.AccessKeyId === undefined) return missingParameter('AccessKeyId');
  if (signed.SignatureMethod !== 'HMAC-SHA1' || signed.SignatureVersion !== '1.0') {
    return incompleteSignature('V1 requests are signed with SignatureMethod HMAC-SHA1, SignatureVersion 1.0');
  }
  const secret = secretOf(signed.AccessKeyId);
  if (secret === undefined) return signatureDoesNotMatch('the AccessKeyId is not known to this mock');
  const expected = OpenApiUtil.getRPCSignature(signed, call.wire.method.toUpperCase(), secret);
  return sameSignature(signature, expected) ? undefined : signatureDoesNotMatch('V1 signature');
}

const ALGORITHM = 'ACS3-HMAC-SHA256';
const AUTHORIZATION = /^ACS3-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/;
const MUST_SIGN = ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'];

/**
 * Signature V3 (`Authorization: ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..`),
 * recomputed with openapi-util's getAuthorization, the function @alicloud/openapi-client signs
 * with, over the headers the client says it signed. The body must hash to x-acs-content-sha256,
 * else the signature would vouch for a body that was never sent.
 */
export function referenceVerifyV3(call: RpcCall, authorization: string): ApiError | undefined {
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
  const request = {
    pathname: call.wire.path,
    method: call.wire.method.toUpperCase(),
    query: Object.fromEntries(call.wire.query),
    headers: Object.fromEntries(signedNames.map((h) => [h, headers[h]])),
  };
  const expected = OpenApiUtil.getAuthorization(request as never, ALGORITHM, bodyHash, accessKeyId, secret);
  return sameSignature(signature, expected.slice(expected.lastIndexOf('=') + 1)) ? undefined : signatureDoesNotMatch('V3 signature');
}
