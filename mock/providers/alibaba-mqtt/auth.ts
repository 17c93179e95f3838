import type { ApiError } from '../../host/api-error.ts';
import type { WireRequest } from '../../host/types.ts';
import { allows } from './credentials.ts';
import { incompleteSignature, missingParameter, mqttOwnerCheckError } from './errors.ts';
import { rpcCallOf, type RpcCall } from './rpc.ts';
import { verifyV1 } from './sign-v1.ts';
import { accessKeyIdOf, verifyV3 } from './sign-v3.ts';

/**
 * V3 when Authorization names ACS3 (openapi-client's default), V1 when the parameters carry a
 * Signature (pop-core, openapi-client with signatureAlgorithm v2). Timestamps and nonces are
 * not checked for freshness or replay: no source of ours documents a code for either.
 */
function verify(call: RpcCall): { denied: ApiError } | { accessKeyId: string } {
  const authorization = call.wire.headers.authorization;
  if (authorization?.startsWith('ACS3-')) {
    const denied = verifyV3(call, authorization);
    return denied ? { denied } : { accessKeyId: accessKeyIdOf(authorization)! };
  }
  if (call.params.Signature !== undefined) {
    const denied = verifyV1(call);
    return denied ? { denied } : { accessKeyId: call.params.AccessKeyId! };
  }
  if (authorization) return { denied: incompleteSignature('the only Authorization scheme served is ACS3-HMAC-SHA256') };
  return { denied: missingParameter('Signature') };
}

/**
 * A verified caller whose RAM grant lacks the action (or the associated mq:MqttInstanceAccess)
 * is refused before the instance is looked at. The seed names the permission but no code for
 * its denial; MqttOwnerCheckError is its only permission failure ("Failed to validate the
 * instance permission"), so the mock answers that.
 */
export function authenticate(mapped: WireRequest): ApiError | undefined {
  const call = rpcCallOf(mapped);
  if (!call) return incompleteSignature('the request did not arrive as an RPC call');
  const who = verify(call);
  if ('denied' in who) return who.denied;
  if (allows(who.accessKeyId, call.action)) return undefined;
  const instance = mapped.query.get('MqttInstanceId') ?? '';
  return mqttOwnerCheckError(`${instance}; the RAM policy of ${who.accessKeyId} does not allow mq:${call.action}`);
}
