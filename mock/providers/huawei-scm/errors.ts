import { ApiError } from '../../host/api-error.ts';

/**
 * One constructor per documented SCM error. The SCM codes, their status (400) and their
 * messages come from the SCM error-code table and the upload FAQ (reference §4.1,
 * models/huawei-scm-v3-subset.json); where the spec has an example for a code, the message
 * is the example's. 401/403/404 bodies are documented only as `SCM.XXX`/`XXX`: the codes
 * here are the ones Huawei's API gateway answers with in front of every cloud service
 * (APIG.0301 / APIG.0302 / APIG.0101, Huawei APIG FAQ "Common Errors Related to IAM
 * Authentication Information"), so a client sees what the real endpoint sends.
 */
const scm = (code: string, message: string, detail?: string) =>
  new ApiError(400, code, detail ? `${message} ${detail}` : message);

export const incorrectParameter = (detail?: string) => scm('SCM.0005', 'Incorrect request parameter.', detail);

export const certificateUnresolvable = (detail?: string) =>
  scm('SCM.0006', 'The uploaded certificate failed to be resolved. Ensure that the uploaded certificate has been issued.', detail);

export const abnormalCertificateId = (detail?: string) => scm('SCM.0008', 'Abnormal certificate ID', detail);

export const noDomainBound = () =>
  scm('SCM.0009', 'Failed to upload the certificate because no domain name is bound to the certificate.');

/**
 * Documented for DeleteCertificate. This engine never raises it (an uploaded certificate's
 * status allows all four operations); it is here so a fault can name every documented code.
 */
export const operationNotAllowed = (detail?: string) =>
  scm('SCM.0010', 'This operation is not allowed by the current certificate type or status.', detail);

export const privateKeyUnresolvable = (detail?: string) =>
  scm('SCM.0012', 'The uploaded private key failed to be resolved.', detail);

export const certificateFormatIncorrect = (detail?: string) => scm('SCM.0053', 'The certificate format is incorrect.', detail);

export const certificateContentMissing = () => scm('SCM.0054', 'The certificate content is missing.');

export const chainIssuerMismatch = () =>
  scm('SCM.0079', 'The subject of the CA certificate does not match the issuer of the certificate.');

export const privateKeyFormatIncorrect = (detail?: string) => scm('SCM.0114', 'Incorrect private key format.', detail);

/**
 * duplicate_check refused an identical certificate. No source names a code for this, so it
 * is the generic "incorrect request parameter" (the parameter that refuses it is named).
 */
export const duplicateCertificate = (existingId: string) =>
  incorrectParameter(`duplicate_check is true and an identical certificate is already uploaded (${existingId}).`);

export const authenticationFailed = (reason: string) =>
  new ApiError(401, 'APIG.0301', `Incorrect IAM authentication information: ${reason}`);

export const accessDenied = (reason: string) => new ApiError(403, 'APIG.0302', `Access denied: ${reason}`);

/** The caller's IAM grant lacks the operation's action (the message is IAM's own wording). */
export const permissionDenied = (action: string) => accessDenied(`Policy doesn't allow ${action} to be performed.`);

export const apiNotFound = () =>
  new ApiError(404, 'APIG.0101', 'The API does not exist or has not been published in the environment.');
