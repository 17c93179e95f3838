import { findCaBySnError, mqttInstanceNotFound, mqttOwnerCheckError } from './errors.ts';
import type { CaRecord, Instance, MqttState } from './state.ts';

/**
 * The caller's instance; another account's is an ownership failure, an unknown id not found.
 * An edition below Enterprise Platinum supports no certificate action (seed § Operation
 * description); what it answers is undocumented, and the mock chooses the seed's code for a
 * failed instance permission check (ALIMQTT-DEL-014 records whatever a target answers).
 */
export function instanceOf(state: MqttState, instanceId: string): Instance {
  const instance = state.instances.get(instanceId);
  if (instance) return instance;
  if (state.standard.has(instanceId)) throw mqttOwnerCheckError(`${instanceId} (not Enterprise Platinum Edition)`);
  throw state.foreign.has(instanceId) ? mqttOwnerCheckError(instanceId) : mqttInstanceNotFound(instanceId);
}

export function caOf(instance: Instance, sn: string): CaRecord {
  const ca = instance.cas.get(sn);
  if (!ca) throw findCaBySnError(sn);
  return ca;
}
