import { statusesForCode } from '../../../lib/spec/dialect.ts';
import { loadSpec } from '../../../lib/spec/load.ts';
import { ApiError } from '../../host/api-error.ts';

const statuses = new Map<string, number>();

/**
 * The status the mock answers a code with, read from the spec: the lowest status any action
 * documents it at. Every move in the status-code notice goes from 500 down (400, 401, 403,
 * 417), so for a code documented twice the lowest is the notice's current status, the one a
 * service following its own latest announcement answers. A code documented once keeps that
 * status (FindDeviceBySnError: 500). For the common signature codes (400 | 403) the lowest
 * is 400, their status in Alibaba's common error lists.
 */
export function statusOf(code: string): number {
  let status = statuses.get(code);
  if (status === undefined) {
    const spec = loadSpec('alibaba-mqtt');
    const all = [...spec.operations.values()].flatMap((op) => statusesForCode(spec, op, code));
    if (all.length === 0) throw new Error(`alibaba-mqtt: no action documents the error code ${code}`);
    statuses.set(code, (status = Math.min(...all)));
  }
  return status;
}

const make = (code: string, message: string, detail?: string) =>
  new ApiError(statusOf(code), code, detail ? `${message} (${detail})` : message);

// Messages of the seed's four codes are verbatim (seed § Error codes); the others are
// illustrative, as the spec says: no source quotes them and nothing should compare them.
export const parameterFieldCheckFailed = (detail?: string) =>
  make('ParameterFieldCheckFailed', 'Failed to validate the parameters. The parameters may be missing or invalid.', detail);
export const findCaBySnError = (sn: string) =>
  make('FindCaBySnError', 'Failed to find the CA by the SN. Please check sn is valid.', `Sn ${sn}`);
export const mqttOwnerCheckError = (instanceId: string) =>
  make('MqttOwnerCheckError', 'Failed to validate the instance permission', `instance ${instanceId}`);
export const mqttInstanceNotFound = (instanceId: string) =>
  make('MqttInstanceNotFound', 'Specified instance is not found', `instance ${instanceId}`);
export const findDeviceBySnError = (caSn: string, deviceSn: string) =>
  make('FindDeviceBySnError', 'Failed to find the device certificate by the SN.', `CaSn ${caSn}, DeviceSn ${deviceSn}`);
export const snNotUnique = (sn: string) => make('SnNotUnique', 'The SN of the CA certificate is not unique.', `Sn ${sn}`);
export const registerCodeError = (detail: string) => make('RegisterCodeError', 'The registration code is invalid.', detail);
export const certificateContentError = (detail: string) =>
  make('CertificateContentError', 'The content of the certificate is invalid.', detail);
export const instancePermissionCheckFailed = (instanceId: string) =>
  make('InstancePermissionCheckFailed', 'Failed to validate the instance permission.', `instance ${instanceId}`);
export const registerCodeUsed = () => make('RegisterCodeUsed', 'The registration code has been used.');
export const getCaNumError = () => make('GetCaNumError', 'Failed to get the number of CA certificates.');
export const caNumExceed = () => make('CaNumExceed', 'The number of CA certificates exceeds the limit.');
export const internalError = (detail?: string) => make('InternalError', 'An internal error occurred. Please try again later.', detail);
export const systemOverFlow = () => make('SystemOverFlow', 'The request was throttled. Please try again later.');
export const missingParameter = (name: string) =>
  make('MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
export const signatureDoesNotMatch = (detail: string) =>
  make('SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.', detail);
export const incompleteSignature = (detail: string) =>
  make('IncompleteSignature', 'The request signature does not conform to Aliyun standards.', detail);
