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
 * One of the caller's instances below Enterprise Platinum Edition, if known: the mock's
 * `standardInstanceId`, or ALIBABA_MQTT_STANDARD_INSTANCE_ID for other targets.
 */
export const STANDARD_INSTANCE_ENV = 'ALIBABA_MQTT_STANDARD_INSTANCE_ID';
export const standardInstanceOf = (target: Target): string | undefined =>
  target.credentials.standardInstanceId || process.env[STANDARD_INSTANCE_ENV] || undefined;

/**
 * Parameters that the V1 signer owns: never varied by negative cases. Version is not among
 * them: the signer signs whatever Version the request carries, and a server must refuse an
 * unknown one (it picks the API by it).
 */
export const SIGNER_PARAMS = ['Format', 'Timestamp', 'SignatureNonce', 'SignatureMethod', 'SignatureVersion', 'AccessKeyId', 'SecurityToken', 'Signature'];

/** Why the cascade rules cannot run on a target without a broker. */
export const NO_BROKER = 'the target has no MQTT broker (set ALIBABA_MQTT_BROKER)';
