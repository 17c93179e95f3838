import type { ProviderModule } from '../../host/types.ts';
import { authenticate } from './auth.ts';
import { MOCK_CREDENTIALS } from './credentials.ts';
import { errorReply, faults, invalid, unknownRoute } from './dialect.ts';
import { createState, DEFAULT_INSTANCE_ID, FOREIGN_INSTANCE_ID, snapshot, type MqttState } from './engine.ts';
import { alibabaMqttFixtures } from './fixtures.ts';
import { handlers } from './handlers.ts';
import { toSpecRequest } from './rpc.ts';
import { handleSeed, SEED_ROUTE } from './seed.ts';

/** ApsaraMQ for MQTT (OnsMqtt 2020-04-20): RPC mapping, V1/V3 signatures, CA and device engine. */
export const alibabaMqtt: ProviderModule<MqttState> = {
  provider: 'alibaba-mqtt',
  // The instance clients use, and one that exists but belongs to another account (MqttOwnerCheckError).
  credentials: { ...MOCK_CREDENTIALS, instanceId: DEFAULT_INSTANCE_ID, foreignInstanceId: FOREIGN_INSTANCE_ID },
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

export { MOCK_CREDENTIALS } from './credentials.ts';
export { DEFAULT_INSTANCE_ID, EnrolError, enrolDevice, FOREIGN_INSTANCE_ID, reset, snapshot, type MqttState } from './engine.ts';
export { handleSeed, SEED_ROUTE } from './seed.ts';
