import type { ApiError } from '../../host/api-error.ts';
import type { WireRequest } from '../../host/types.ts';
import type { Operation } from '../../../lib/spec/operations.ts';
import { forbidden, unauthorized } from './errors.ts';

const BEARER = /^Bearer\s+(\S+)/i;

/**
 * A token with a narrower grant, advertised as `credentials.noDeleteBearerToken`: every
 * permission but certificates/delete, so that the seed's "requires the certificates/delete
 * permission" (AZKV-AUTH-003) can be judged. Every other non-empty token may do everything.
 */
export const NO_DELETE_TOKEN = 'certconform-no-delete-permission';
const DENIED: Record<string, readonly string[]> = { [NO_DELETE_TOKEN]: ['certificates/delete'] };

/**
 * The Key Vault challenge. It runs before the body is validated: the official client's first
 * request carries no token and no body, and must get the 401 challenge (not a 400) so that it
 * resends with both. Any non-empty bearer token is accepted: the mock checks no identity.
 */
export function challenge(req: WireRequest, tenant: string): ApiError | undefined {
  return BEARER.test(req.headers.authorization ?? '') ? undefined : unauthorized(tenant);
}

/** The access policy: 403 when the token's grant lacks the permission the spec says the operation needs. */
export function permitted(req: WireRequest, op: Operation): ApiError | undefined {
  const needs = op.raw['x-permission'];
  const token = BEARER.exec(req.headers.authorization ?? '')?.[1] ?? '';
  return typeof needs === 'string' && DENIED[token]?.includes(needs) ? forbidden(needs) : undefined;
}
