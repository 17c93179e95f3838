import { randomUUID } from 'node:crypto';
import type { ApiError } from '../../host/api-error.ts';
import { Router } from '../../host/router.ts';
import type { Operation } from '../../../lib/spec/operations.ts';
import type { Reply, WireRequest } from '../../host/types.ts';
import { badParameter, methodNotAllowed, unknownPath } from './errors.ts';
import { spec } from './spec.ts';

/**
 * KeyVaultError: the code sits where the spec's dialect pointer says (`/error/code`), with
 * `message` and any extra member (innererror) beside it.
 */
export function errorReply(err: ApiError): Reply {
  const tokens = spec().dialect.errorCode.pointer.split('/').slice(1);
  const leaf = tokens.pop()!;
  let body: Record<string, unknown> = { [leaf]: err.code, message: err.message, ...err.extra };
  for (const t of tokens.reverse()) body = { [t]: body };
  return { status: err.status, headers: { ...err.headers }, body };
}

/** Every reply carries a request id, as the service's do (clients log it for support). */
export const commonHeaders = (): Record<string, string> => ({ 'x-ms-request-id': randomUUID() });

/** Anything the spec rejects (api-version, name pattern, body shape, size) is BadParameter. */
export const invalid = (_op: Operation | undefined, problems: string[]): ApiError =>
  badParameter(`The request is invalid: ${problems.join('; ')}.`);

let router: Router | undefined;

/**
 * The spec documents no answer for a path outside it; HTTP's own is used: 404 for an unknown
 * path, 405 with Allow for a known path and a method it does not have.
 */
export function unknownRoute(req: WireRequest): ApiError {
  const match = (router ??= new Router(spec())).match(req.method, req.path);
  return match.kind === 'method' ? methodNotAllowed(req.method, req.path, match.allowed) : unknownPath(req.path);
}
