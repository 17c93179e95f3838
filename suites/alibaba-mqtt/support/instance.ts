import type { Target } from '../../support/target/targets.ts';

/** The caller's own MQTT instance: the credentials name it, the broker line may repeat it. */
export function instanceOf(target: Target): string {
  const id = target.credentials.instanceId ?? target.mqtt?.instanceId;
  if (!id) throw new Error('alibaba-mqtt: no instance id (set ALIBABA_MQTT_INSTANCE_ID)');
  return id;
}

/** An instance that exists but belongs to someone else (ALIBABA_MQTT_FOREIGN_INSTANCE_ID), if known. */
export const foreignInstanceOf = (target: Target): string | undefined => target.credentials.foreignInstanceId || undefined;

/**
 * Parameters that the V1 signer owns: never varied by negative cases. Version is not among
 * them: the signer signs whatever Version the request carries, and a server must refuse an
 * unknown one (it picks the API by it).
 */
export const SIGNER_PARAMS = ['Format', 'Timestamp', 'SignatureNonce', 'SignatureMethod', 'SignatureVersion', 'AccessKeyId', 'SecurityToken', 'Signature'];

/** Why the cascade rules cannot run on a target without a broker. */
export const NO_BROKER = 'the target has no MQTT broker (set ALIBABA_MQTT_BROKER)';
