import { findCaBySnError, mqttInstanceNotFound, mqttOwnerCheckError } from './errors.ts';
import type { CaRecord, Instance, MqttState } from './state.ts';

/** The caller's instance; another account's is an ownership failure, an unknown id not found. */
export function instanceOf(state: MqttState, instanceId: string): Instance {
  const instance = state.instances.get(instanceId);
  if (instance) return instance;
  throw state.foreign.has(instanceId) ? mqttOwnerCheckError(instanceId) : mqttInstanceNotFound(instanceId);
}

export function caOf(instance: Instance, sn: string): CaRecord {
  const ca = instance.cas.get(sn);
  if (!ca) throw findCaBySnError(sn);
  return ca;
}
