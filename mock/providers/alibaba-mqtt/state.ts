import { randomBytes } from 'node:crypto';
import type { X509Certificate } from '@peculiar/x509';
import type { Clock } from '../../host/clock.ts';

/** The instance the mock serves, and one that exists but belongs to another account. */
export const DEFAULT_INSTANCE_ID = 'post-cn-certconform';
export const FOREIGN_INSTANCE_ID = 'post-cn-certconform-foreign';
/** The caller's own instance of an edition below Enterprise Platinum (seed: no certificate actions). */
export const STANDARD_INSTANCE_ID = 'mqtt-cn-certconform-standard';

export type Status = '0' | '1';

export interface DeviceRecord {
  caSn: string;
  deviceSn: string;
  name: string;
  pem: string;
  fingerprint: string;
  status: Status;
  validBegin: number;
  validEnd: number;
}

/** A CA owns its device certificates: deleting it removes them in the same step. */
export interface CaRecord {
  sn: string;
  name: string;
  pem: string;
  verificationPem: string;
  registrationCode: string;
  status: Status;
  validBegin: number;
  validEnd: number;
  cert: X509Certificate;
  devices: Map<string, DeviceRecord>;
}

export interface Instance {
  id: string;
  registerCode: string;
  cas: Map<string, CaRecord>;
}

export interface MqttState {
  clock: Clock;
  instances: Map<string, Instance>;
  /** Instance ids that exist under another account: MqttOwnerCheckError. */
  foreign: Set<string>;
  /** The caller's instances that are not Enterprise Platinum Edition (no certificate actions). */
  standard: Set<string>;
}

/** Registration codes look like the service's (`7f3c2a9e1b4d4c8a****`): 20 lower-case hex digits. */
const newRegisterCode = () => randomBytes(10).toString('hex');

export function createState(clock: Clock): MqttState {
  const instance: Instance = { id: DEFAULT_INSTANCE_ID, registerCode: newRegisterCode(), cas: new Map() };
  return {
    clock,
    instances: new Map([[instance.id, instance]]),
    foreign: new Set([FOREIGN_INSTANCE_ID]),
    standard: new Set([STANDARD_INSTANCE_ID]),
  };
}

/** Back to a fresh instance in place, for holders of the state object (the MQTT listener). */
export function reset(state: MqttState): void {
  const fresh = createState(state.clock);
  state.instances = fresh.instances;
  state.foreign = fresh.foreign;
  state.standard = fresh.standard;
}
