import { ApiError } from '../../host/api-error.ts';
import { statusOf } from './spec.ts';

// One constructor per documented error. Codes and texts are the service's own (reference
// §2.3, recorded traffic); statuses come from the spec's examples through statusOf().

const make = (code: string, message: string, extra?: Record<string, unknown>, headers?: Record<string, string>) =>
  new ApiError(statusOf(code), code, message, extra, headers);

export const certificateNotFound = (name: string) => make('CertificateNotFound', `Certificate not found: ${name}`);

export const certificateVersionNotFound = (name: string, version: string) =>
  make('CertificateNotFound', `Certificate not found: ${name}/${version}`);

export const deletedCertificateNotFound = (name: string) =>
  make('CertificateNotFound', `Deleted Certificate not found: ${name}`);

export const deletedButRecoverable = (name: string) =>
  make(
    'Conflict',
    `Certificate ${name} is currently in a deleted but recoverable state, and its name cannot be reused; ` +
      'in this state, the certificate can only be recovered or purged.',
    { innererror: { code: 'ObjectIsDeletedButRecoverable' } },
  );

/**
 * Recover or purge while the deletion is still being processed (deletedVisibleAfterMs): the
 * service's recorded answer to a purge at 7.0, text and innererror verbatim (specs/recordings/).
 */
export const beingDeleted = () => make('Conflict', 'Certificate is currently being deleted.', { innererror: { code: 'ObjectIsBeingDeleted' } });

export const badParameter = (message: string) => make('BadParameter', message);

/** Purge in a vault whose recovery level lacks Purgeable (the spec accepts 403 or 400; 403 chosen). */
export const purgeNotAllowed = (name: string, level: string) =>
  make('Forbidden', `Operation "purge" is not allowed for certificate ${name}: the vault's recovery level is ${level}.`);

/** A caller whose grant lacks the permission (`certificates/delete`); text after the service's. */
export const forbidden = (permission: string) =>
  make(
    'Forbidden',
    "The user, group or application 'appid=00000000-0000-0000-0000-000000000000;oid=00000000-0000-0000-0000-000000000000' " +
      `does not have ${permission.replace('/', ' ')} permission on key vault 'certconform-mock'.`,
  );

/** The Key Vault challenge: the client learns the tenant and the resource from this header. */
export const unauthorized = (tenant: string) =>
  make('Unauthorized', 'Request is missing a Bearer or PoP token.', undefined, {
    'WWW-Authenticate': `Bearer authorization="https://login.windows.net/${tenant}", resource="https://vault.azure.net"`,
  });

// Fault injection's transient errors; the Azure pipeline honours Retry-After on both.
export const throttled = () =>
  make('Throttled', 'Request was not processed because too many requests were received.', undefined, { 'Retry-After': '1' });
export const serviceUnavailable = () =>
  make('ServiceUnavailable', 'The service is temporarily unavailable.', undefined, { 'Retry-After': '1' });

// Outside every operation, so the spec cannot give a status: HTTP's own meaning is used.
export const unknownPath = (path: string) => new ApiError(404, 'NotFound', `No Key Vault operation at ${path}.`);
export const methodNotAllowed = (method: string, path: string, allowed: string[]) =>
  new ApiError(405, 'MethodNotAllowed', `${method} is not supported on ${path}.`, undefined, { Allow: allowed.join(', ') });
