import type { Handler, OpInput, ProviderModule } from '../../host/types.ts';
import type { CaRecord, Instance, MqttState } from '../../providers/alibaba-mqtt/state.ts';
import { wrapHandler } from '../apply.ts';

// The deleted CAs of each instance, device certificates included, as a soft delete that some
// reads forget to filter would keep them. Keyed by the instance object: a reset drops them.
const deleted = new WeakMap<Instance, Map<string, CaRecord>>();

const instanceId = (input: OpInput) => String(input.query.MqttInstanceId ?? '');

/** DeleteCaCertificate still removes the CA, but keeps the record (and its devices) here. */
export function keepDeleted(m: ProviderModule<MqttState>): void {
  wrapHandler<MqttState>(m, 'DeleteCaCertificate', (next) => async (input, state, ctx) => {
    const instance = state.instances.get(instanceId(input));
    const ca = instance?.cas.get(String(input.query.Sn ?? ''));
    const reply = await next(input, state, ctx);
    if (instance && ca && reply.status === 200) {
      if (!deleted.has(instance)) deleted.set(instance, new Map());
      deleted.get(instance)!.set(ca.sn, ca);
    }
    return reply;
  });
}

/**
 * The read sees the deleted CAs as if they were registered: they are put back for the
 * duration of the (synchronous) handler and taken out again before anything else can run.
 */
export function readsDeleted(m: ProviderModule<MqttState>, operationId: string): void {
  wrapHandler<MqttState>(m, operationId, (next): Handler<MqttState> => (input, state, ctx) => {
    const instance = state.instances.get(instanceId(input));
    const back = [...((instance && deleted.get(instance))?.values() ?? [])].filter((ca) => !instance!.cas.has(ca.sn));
    for (const ca of back) instance!.cas.set(ca.sn, ca);
    try {
      return next(input, state, ctx);
    } finally {
      for (const ca of back) instance!.cas.delete(ca.sn);
    }
  });
}
