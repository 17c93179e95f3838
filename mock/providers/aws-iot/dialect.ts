import { randomUUID } from 'node:crypto';
import { loadSpec } from '../../../lib/spec/load.ts';
import type { Operation } from '../../../lib/spec/operations.ts';
import type { ApiError } from '../../host/api-error.ts';
import { Router } from '../../host/router.ts';
import type { Reply, WireRequest } from '../../host/types.ts';
import { invalidRequest } from './errors.ts';

/**
 * restJson1 as AWS IoT speaks it: the error type in `x-amzn-ErrorType` (what every SDK reads
 * first) and again in the body's `__type` (what botocore and the JS SDK fall back to), plus the
 * exception's own members (ResourceAlreadyExistsException: resourceId, resourceArn).
 */
export function errorReply(err: ApiError, _req: WireRequest): Reply {
  return {
    status: err.status,
    headers: { 'x-amzn-ErrorType': err.code, ...err.headers },
    body: { __type: err.code, message: err.message, ...err.extra },
  };
}

/** Every reply carries a request id, as AWS's do; clients log it and support asks for it. */
export const commonHeaders = (_req: WireRequest): Record<string, string> => ({ 'x-amzn-RequestId': randomUUID() });

/** A request the spec rejects: InvalidRequestException, in the shape of AWS's validation messages. */
export function invalid(_op: Operation | undefined, problems: string[]): ApiError {
  const n = problems.length;
  return invalidRequest(`${n} validation error${n === 1 ? '' : 's'} detected: ${problems.join('; ')}`);
}

let router: Router | undefined;

/**
 * No operation has this path or method. The model documents no error for it, and the host
 * does not know which operation was meant; InvalidRequestException ("The request is not
 * valid", 400) is the one error every operation documents and it says what happened.
 * ResourceNotFoundException would tell a client that its certificate is gone when only the
 * URL is wrong, and 405/404 statuses are documented for no operation, so no SDK models them.
 */
export function unknownRoute(req: WireRequest): ApiError {
  router ??= new Router(loadSpec('aws-iot'));
  const match = router.match(req.method, req.path);
  if (match.kind === 'found') return invalidRequest(`${match.op.operationId} is not implemented by this mock`);
  if (match.kind === 'method') {
    return invalidRequest(`${req.method} is not supported on ${req.path}; use ${match.allowed.join(', ')}`);
  }
  return invalidRequest(`no AWS IoT operation has the path ${req.path}`);
}
