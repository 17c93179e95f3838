import type { ApiError } from '../../host/api-error.ts';
import type { WireRequest } from '../../host/types.ts';
import { unauthorized } from './errors.ts';

const BEARER = /^Bearer\s+\S+/i;

/**
 * The Key Vault challenge. It runs before the body is validated: the official client's first
 * request carries no token and no body, and must get the 401 challenge (not a 400) so that it
 * resends with both. Any non-empty bearer token is accepted: the mock checks no identity.
 */
export function challenge(req: WireRequest, tenant: string): ApiError | undefined {
  return BEARER.test(req.headers.authorization ?? '') ? undefined : unauthorized(tenant);
}
