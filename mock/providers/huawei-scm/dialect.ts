import { randomUUID } from 'node:crypto';
import type { Operation } from '../../../lib/spec/operations.ts';
import type { ApiError } from '../../host/api-error.ts';
import type { Reply, WireRequest } from '../../host/types.ts';
import { abnormalCertificateId, apiNotFound, incorrectParameter } from './errors.ts';
import { errorField, scmSpec } from './spec.ts';

/**
 * SCM's wire dialect: errors are `{"error_code","error_msg"}` (the code's place is the spec's
 * `errorCode.pointer`), the message is cut to the length the spec documents, and every reply
 * carries `X-Request-Id` (the SDKs read the request id from it).
 */
const codeField = () => scmSpec().dialect.errorCode.pointer.slice(1);
const MSG_FIELD = 'error_msg';

export function errorReply(err: ApiError): Reply {
  const max = errorField(MSG_FIELD).maxLength ?? Infinity;
  const message = err.message.length > max ? `${err.message.slice(0, max - 3)}...` : err.message;
  return { status: err.status, headers: err.headers, body: { [codeField()]: err.code, [MSG_FIELD]: message } };
}

export const commonHeaders = (): Record<string, string> => ({ 'X-Request-Id': randomUUID().replace(/-/g, '') });

/**
 * What the spec rejects is SCM.0005 (incorrect request parameter), except a certificate_id
 * the path schema refuses (DeleteCertificate: not 16 characters): the SCM table's code for
 * that is SCM.0008 (abnormal certificate ID), which rules HWSCM-DEL-005/006 accept.
 * The host words path problems as "path parameter '<name>' ...".
 */
export function invalid(op: Operation | undefined, problems: string[]): ApiError {
  const detail = problems.join('; ');
  if (op && problems.some((p) => p.startsWith("path parameter 'certificate_id'"))) return abnormalCertificateId(detail);
  return incorrectParameter(detail);
}

/** The DeleteCertificate page's Status Codes table: "404 Access page not found". */
export const unknownRoute = (_req: WireRequest): ApiError => apiNotFound();
