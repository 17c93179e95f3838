import type { Handler, ProviderModule, WireRequest } from '../../host/types.ts';
import { handlers as unsigned } from '../../providers/aws-iot/handlers.ts';
import type { IotState } from '../../providers/aws-iot/state.ts';
import type { Mutant } from '../mutant.ts';
import { mapErrors } from './helpers.ts';

const noAuthorization = (req: WireRequest) => req.headers.authorization === undefined;

/**
 * Serves requests without an Authorization header on the given operations: the host's
 * authenticate hook lets them through, and their handler skips the signature check (the
 * engine's unsigned handler instead of the module's signed one).
 */
function acceptUnsigned(m: ProviderModule<any>, ops: (op: string) => boolean): void {
  const authenticate = m.authenticate;
  m.authenticate = (req, op, ctx) => (noAuthorization(req) && ops(op.operationId) ? undefined : authenticate(req, op, ctx));
  for (const [op, signed] of Object.entries(m.handlers as Record<string, Handler<IotState>>)) {
    if (ops(op)) m.handlers[op] = (input, state, ctx) => (noAuthorization(input.wire) ? unsigned[op]!(input, state, ctx) : signed(input, state, ctx));
  }
}

/** SigV4: the missing header and the wrong signature, each let through once. */
export const auth: Mutant[] = [
  {
    name: 'aws-iot/unsigned-delete-accepted',
    description: 'DeleteCertificate without an Authorization header is served (and deletes) instead of UnauthorizedException',
    rules: ['AWSIOT-AUTH-001'],
    module: (m) => acceptUnsigned(m, (op) => op === 'DeleteCertificate'),
  },
  {
    name: 'aws-iot/signature-not-verified',
    description: 'the SigV4 header is parsed and its key, scope and date checked, but the signature itself is never recomputed: a wrong one passes',
    rules: ['AWSIOT-AUTH-002'],
    module: (m) => {
      m.handlers = { ...unsigned };
    },
  },
  {
    name: 'aws-iot/auth-refusal-400',
    description: 'refusals of unsigned or wrongly signed requests are a generic 400 InvalidRequestException instead of an authentication error',
    rules: ['AWSIOT-AUTH-004'],
    module: (m) =>
      mapErrors(m, (r, err) => {
        if (err.code !== 'UnauthorizedException') return r;
        const type = 'InvalidRequestException';
        return { ...r, status: 400, headers: { ...r.headers, 'x-amzn-ErrorType': type }, body: { ...(r.body as object), __type: type } };
      }),
  },
  {
    name: 'aws-iot/unsigned-companions-accepted',
    description: 'operations other than DeleteCertificate and RegisterCertificateWithoutCA serve requests without an Authorization header',
    rules: ['AWSIOT-AUTH-003'],
    module: (m) => acceptUnsigned(m, (op) => op !== 'DeleteCertificate' && op !== 'RegisterCertificateWithoutCA'),
  },
];
