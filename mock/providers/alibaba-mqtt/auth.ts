import type { ApiError } from '../../host/api-error.ts';
import type { WireRequest } from '../../host/types.ts';
import { incompleteSignature, missingParameter } from './errors.ts';
import { rpcCallOf } from './rpc.ts';
import { verifyV1 } from './sign-v1.ts';
import { verifyV3 } from './sign-v3.ts';

/**
 * V3 when Authorization names ACS3 (openapi-client's default), V1 when the parameters carry a
 * Signature (pop-core, openapi-client with signatureAlgorithm v2). Timestamps and nonces are
 * not checked for freshness or replay: no source of ours documents a code for either.
 */
export function authenticate(mapped: WireRequest): ApiError | undefined {
  const call = rpcCallOf(mapped);
  if (!call) return incompleteSignature('the request did not arrive as an RPC call');
  const authorization = call.wire.headers.authorization;
  if (authorization?.startsWith('ACS3-')) return verifyV3(call, authorization);
  if (call.params.Signature !== undefined) return verifyV1(call);
  if (authorization) return incompleteSignature('the only Authorization scheme served is ACS3-HMAC-SHA256');
  return missingParameter('Signature');
}
