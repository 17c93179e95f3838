import type { ProviderModule } from '../../host/types.ts';
import { authenticate } from './auth.ts';
import { MOCK_CREDENTIALS, NARROW_CREDENTIALS } from './credentials.ts';
import { errorReply, faults, invalid, unknownRoute } from './dialect.ts';
import { createState, DEFAULT_INSTANCE_ID, FOREIGN_INSTANCE_ID, snapshot, STANDARD_INSTANCE_ID, type MqttState } from './engine.ts';
import { alibabaMqttFixtures } from './fixtures.ts';
import { handlers } from './handlers.ts';
import { toSpecRequest } from './rpc.ts';
import { handleSeed, SEED_ROUTE } from './seed.ts';

/** ApsaraMQ for MQTT (OnsMqtt 2020-04-20): RPC mapping, V1/V3 signatures, CA and device engine. */
export const alibabaMqtt: ProviderModule<MqttState> = {
  provider: 'alibaba-mqtt',
  // The instance clients use, one that belongs to another account (MqttOwnerCheckError), one of
  // the caller's below Platinum Edition, and a RAM user's key without mq:DeleteCaCertificate.
  credentials: {
    ...MOCK_CREDENTIALS,
    instanceId: DEFAULT_INSTANCE_ID,
    foreignInstanceId: FOREIGN_INSTANCE_ID,
    standardInstanceId: STANDARD_INSTANCE_ID,
    narrowAccessKeyId: NARROW_CREDENTIALS.accessKeyId,
    narrowAccessKeySecret: NARROW_CREDENTIALS.accessKeySecret,
  },
  createState: (ctx) => createState(ctx.clock),
  toSpecRequest,
  authenticate,
  invalid,
  unknownRoute,
  errorReply,
  handlers,
  snapshot,
  fixtures: alibabaMqttFixtures,
  faults,
  control: { [SEED_ROUTE]: (body, state) => handleSeed(state, body) },
};

export { MOCK_CREDENTIALS, NARROW_CREDENTIALS } from './credentials.ts';
export { DEFAULT_INSTANCE_ID, EnrolError, enrolDevice, FOREIGN_INSTANCE_ID, reset, snapshot, STANDARD_INSTANCE_ID, type MqttState } from './engine.ts';
export { handleSeed, SEED_ROUTE } from './seed.ts';
