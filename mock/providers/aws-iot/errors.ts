import { statusesForCode } from '../../../lib/spec/dialect.ts';
import { loadSpec } from '../../../lib/spec/load.ts';
import { ApiError } from '../../host/api-error.ts';

/**
 * One constructor per documented AWS IoT exception. The HTTP status is never typed here: it is
 * the status the spec documents for the code. Where operations document a code at different
 * statuses, the status every one of them shares is taken. That settles the one discrepancy
 * (ThrottlingException: 429 on the DeleteCertificate seed page only, 400 in the service model,
 * the JS SDK and every other operation) in favour of the model's 400, which the SDKs expect.
 */
const statuses = new Map<string, number>();

function statusOf(code: string): number {
  const hit = statuses.get(code);
  if (hit !== undefined) return hit;
  const spec = loadSpec('aws-iot');
  let shared: number[] | undefined;
  for (const op of spec.operations.values()) {
    const s = statusesForCode(spec, op, code);
    if (s.length) shared = shared ? shared.filter((x) => s.includes(x)) : s;
  }
  if (shared?.length !== 1) {
    throw new Error(`aws-iot spec: ${code} has no single status shared by its operations (${shared?.join(', ') ?? 'undocumented'})`);
  }
  statuses.set(code, shared[0]!);
  return shared[0]!;
}

const make =
  (code: string, fallback: string) =>
  (message: string = fallback, extra: Record<string, unknown> = {}): ApiError =>
    new ApiError(statusOf(code), code, message, extra);

// Default messages are the exceptions' descriptions in the seed pages and the model.
export const certificateState = make('CertificateStateException', 'The certificate operation is not allowed.');
export const certificateValidation = make('CertificateValidationException', 'The certificate is invalid.');
export const deleteConflict = make(
  'DeleteConflictException',
  "You can't delete the resource because it is attached to one or more resources.",
);
export const invalidRequest = make('InvalidRequestException', 'The request is not valid.');
export const notFound = make('ResourceNotFoundException', 'The specified resource does not exist.');
export const unauthorized = make('UnauthorizedException', 'You are not authorized to perform this operation.');
export const limitExceeded = make('LimitExceededException', 'A limit has been exceeded.');
export const versionConflict = make(
  'VersionConflictException',
  'The version of the entity does not match the expectedVersion of the request.',
);
export const malformedPolicy = make('MalformedPolicyException', 'The policy documentation is not valid.');
export const throttling = make('ThrottlingException', 'The rate exceeds the limit.');
export const internalFailure = make('InternalFailureException', 'An unexpected error has occurred.');
export const serviceUnavailable = make('ServiceUnavailableException', 'The service is temporarily unavailable.');

/** The model gives this exception two members more: the id and ARN of what already exists. */
export const alreadyExists = (message: string, resourceId: string, resourceArn: string): ApiError =>
  make('ResourceAlreadyExistsException', 'The resource already exists.')(message, { resourceId, resourceArn });
