import { ApiError } from '../../host/api-error.ts';
import { limitExceeded, throttling } from '../../providers/aws-iot/errors.ts';
import { mapReplies } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { mapErrors } from './helpers.ts';

const toIso = (v: unknown) => (typeof v === 'number' ? new Date(v * 1000).toISOString() : v);

/** restJson1 as AWS IoT speaks it: error type, error body, statuses, bodies and dates, each broken once. */
export const wireFormat: Mutant[] = [
  {
    name: 'aws-iot/error-type-header-missing',
    // The contract accepts a type in the body alone (no source makes the header required):
    // only FMT-001, the SHOULD that asks for the header, sees this.
    description: 'errors carry their type only in the body __type, not in the x-amzn-ErrorType header',
    rules: ['AWSIOT-FMT-001'],
    class: 'error-type',
    module: (m) => mapErrors(m, (r) => ({ ...r, headers: Object.fromEntries(Object.entries(r.headers ?? {}).filter(([k]) => k.toLowerCase() !== 'x-amzn-errortype')) })),
  },
  {
    name: 'aws-iot/error-type-body-disagrees',
    description: 'the body __type of every error says InvalidRequestException, whatever x-amzn-ErrorType names',
    rules: ['AWSIOT-FMT-001'],
    module: (m) => mapErrors(m, (r) => ({ ...r, body: { ...(r.body as object), __type: 'InvalidRequestException' } })),
  },
  {
    name: 'aws-iot/error-body-query-shape',
    description: 'error bodies come in the query protocol shape {"Error":{"Code","Message"}}, without the restJson1 message member',
    rules: ['AWSIOT-FMT-003'],
    class: 'error-shape',
    module: (m) => mapErrors(m, (r, err) => ({ ...r, body: { Error: { Code: err.code, Message: err.message } } })),
  },
  {
    name: 'aws-iot/not-found-at-400',
    description: 'ResourceNotFoundException is sent with HTTP 400 (its neighbour) instead of 404',
    rules: ['AWSIOT-DEL-011', 'AWSIOT-SPEC-001'],
    class: 'status',
    module: (m) => mapErrors(m, (r, err) => (err.code === 'ResourceNotFoundException' ? { ...r, status: 400 } : r)),
  },
  {
    name: 'aws-iot/describe-answers-empty-body',
    description: 'DescribeCertificate answers 200 without a body instead of the JSON certificate description',
    rules: ['AWSIOT-SPEC-001', 'AWSIOT-REG-008'],
    class: 'body',
    module: (m) => mapReplies(m, 'DescribeCertificate', (r) => (r.status === 200 ? { ...r, body: undefined } : r)),
  },
  {
    name: 'aws-iot/dates-as-iso-strings',
    description: 'DescribeCertificate answers creationDate and lastModifiedDate as ISO 8601 strings instead of epoch seconds',
    rules: ['AWSIOT-FMT-002'],
    module: (m) =>
      mapReplies(m, 'DescribeCertificate', (r) => {
        const d = (r.body as { certificateDescription?: Record<string, unknown> } | undefined)?.certificateDescription;
        return d ? { ...r, body: { certificateDescription: { ...d, creationDate: toIso(d.creationDate), lastModifiedDate: toIso(d.lastModifiedDate) } } } : r;
      }),
  },
  {
    name: 'aws-iot/throttle-at-503',
    description: 'a throttled request answers ThrottlingException with HTTP 503 instead of 400 or 429',
    rules: ['AWSIOT-FMT-003'],
    module: (m) => {
      m.faults = { ...m.faults!, throttle: () => new ApiError(503, 'ThrottlingException', throttling().message) };
    },
  },
  {
    name: 'aws-iot/limit-exceeded-at-429',
    description: 'AttachPolicy over a limit answers LimitExceededException with HTTP 429 instead of 410 (here: when throttled)',
    rules: ['AWSIOT-FMT-004'],
    module: (m) => {
      const faults = m.faults!;
      m.faults = { ...faults, throttle: (op) => (op.operationId === 'AttachPolicy' ? new ApiError(429, 'LimitExceededException', limitExceeded().message) : faults.throttle(op)) };
    },
  },
];
