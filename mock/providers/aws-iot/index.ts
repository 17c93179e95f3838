import { ApiError } from '../../host/api-error.ts';
import type { Handler, ProviderModule, WireRequest } from '../../host/types.ts';
import { checkRequest, verifySignature, type Checked } from './auth.ts';
import { MOCK_CREDENTIALS, type AwsCredentialPair } from './credentials.ts';
import { commonHeaders, errorReply, invalid, unknownRoute } from './dialect.ts';
import { serviceUnavailable, throttling } from './errors.ts';
import { awsIotFixtures } from './fixtures.ts';
import { handlers } from './handlers.ts';
import { createState, snapshot, type IotState } from './state.ts';

export interface AwsIotOptions {
  /** Access key pairs the mock accepts; the default is MOCK_CREDENTIALS alone. */
  credentials?: AwsCredentialPair[];
}

export function createAwsIot(opts: AwsIotOptions = {}): ProviderModule<IotState> {
  const pairs = opts.credentials ?? [MOCK_CREDENTIALS];
  const keys = new Map(pairs.map((c) => [c.accessKeyId, c]));
  const checks = new WeakMap<WireRequest, Checked | ApiError>();
  const check = (req: WireRequest) => checks.get(req) ?? checks.set(req, checkRequest(req, keys)).get(req)!;

  /**
   * The `authenticate` hook refuses everything that needs no signing (missing or malformed
   * header, unknown key, scope, date, body hash); each handler first checks the signature
   * itself. So a wrongly signed request with invalid input gets the 400, not the 401: that
   * order dates from the asynchronous official signer and is kept so answers stay the same.
   */
  const signed =
    (handler: Handler<IotState>): Handler<IotState> =>
    async (input, state, ctx) => {
      const denied = verifySignature(input.wire, check(input.wire));
      if (denied) throw denied;
      return handler(input, state, ctx);
    };

  return {
    provider: 'aws-iot',
    credentials: { ...pairs[0]! },
    createState: () => createState(),
    snapshot,
    fixtures: awsIotFixtures,
    // ThrottlingException at the model's 400 (errors.ts says why), ServiceUnavailableException 503.
    faults: { throttle: () => throttling(), unavailable: () => serviceUnavailable() },
    authenticate: (req) => {
      const checked = check(req);
      return checked instanceof ApiError ? checked : undefined;
    },
    invalid,
    unknownRoute,
    errorReply,
    commonHeaders,
    handlers: Object.fromEntries(Object.entries(handlers).map(([id, h]) => [id, signed(h)])),
  };
}

/** AWS IoT with the default credentials (MOCK_CREDENTIALS). */
export const awsIot = createAwsIot();

export { MOCK_CREDENTIALS, SIGNING_SERVICES, type AwsCredentialPair } from './credentials.ts';
export { reset, snapshot, type IotState } from './state.ts';
