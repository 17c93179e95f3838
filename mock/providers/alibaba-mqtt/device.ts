import { commonName, fingerprintOf, issuedBy, isValidAt, parsePem, serialOf } from './certs.ts';
import { findDeviceBySnError } from './errors.ts';
import { caOf, instanceOf } from './instance.ts';
import type { CaRecord, DeviceRecord, MqttState, Status } from './state.ts';

/** Why a device certificate cannot connect (there is no API error for it: no action enrols). */
export type EnrolFailure = 'bad-certificate' | 'not-valid-now' | 'unknown-ca' | 'ca-inactive' | 'device-inactive' | 'sn-taken';

export class EnrolError extends Error {
  constructor(
    readonly reason: EnrolFailure,
    message: string,
  ) {
    super(message);
  }
}

/**
 * What the broker does the first time a client connects with a device certificate
 * (official-models.md §3.1): the certificate must be valid now and signed by a registered,
 * active CA of the instance; it is then registered under that CA, active. Connecting again
 * with the same certificate returns its record; an inactive one is refused.
 */
export async function enrolDevice(state: MqttState, instanceId: string, devicePem: string): Promise<DeviceRecord> {
  const instance = instanceOf(state, instanceId);
  const cert = parsePem(devicePem);
  if (!cert) throw new EnrolError('bad-certificate', 'not a PEM certificate');
  if (!isValidAt(cert, state.clock.now())) throw new EnrolError('not-valid-now', 'the device certificate is expired or not yet valid');
  let issuer: CaRecord | undefined;
  for (const ca of [...instance.cas.values()]) {
    if (await issuedBy(cert, ca.cert)) {
      issuer = ca;
      break;
    }
  }
  // No await from here on: the CA found above is re-read, so a CA deleted or deactivated
  // meanwhile cannot receive a device.
  const ca = issuer && instance.cas.get(issuer.sn) === issuer ? issuer : undefined;
  if (!ca) throw new EnrolError('unknown-ca', 'the device certificate is not signed by a CA registered with the instance');
  if (ca.status !== '1') throw new EnrolError('ca-inactive', `the issuing CA ${ca.sn} is inactive`);
  const deviceSn = serialOf(cert);
  const fingerprint = fingerprintOf(cert);
  const known = ca.devices.get(deviceSn);
  if (known && known.fingerprint !== fingerprint) throw new EnrolError('sn-taken', `CA ${ca.sn} has another device certificate ${deviceSn}`);
  if (known?.status === '0') throw new EnrolError('device-inactive', `device certificate ${deviceSn} is inactive`);
  if (known) return known;
  const record: DeviceRecord = {
    caSn: ca.sn,
    deviceSn,
    name: commonName(cert) ?? cert.subject,
    pem: cert.toString('pem'), // the certificate alone: a seeded text may carry a key after it
    fingerprint,
    status: '1',
    validBegin: cert.notBefore.getTime(),
    validEnd: cert.notAfter.getTime(),
  };
  ca.devices.set(deviceSn, record);
  return record;
}

export function getDevice(state: MqttState, instanceId: string, caSn: string, deviceSn: string): DeviceRecord {
  const device = caOf(instanceOf(state, instanceId), caSn).devices.get(deviceSn);
  if (!device) throw findDeviceBySnError(caSn, deviceSn);
  return device;
}

export const listDevicesOfCa = (state: MqttState, instanceId: string, caSn: string) => [
  ...caOf(instanceOf(state, instanceId), caSn).devices.values(),
];

export const listDevices = (state: MqttState, instanceId: string) =>
  [...instanceOf(state, instanceId).cas.values()].flatMap((ca) => [...ca.devices.values()]);

export function setDeviceStatus(state: MqttState, instanceId: string, caSn: string, deviceSn: string, status: Status): DeviceRecord {
  const device = getDevice(state, instanceId, caSn, deviceSn);
  device.status = status;
  return device;
}

/** Deletes one device certificate; its CA stays registered. */
export function deleteDevice(state: MqttState, instanceId: string, caSn: string, deviceSn: string): DeviceRecord {
  const device = getDevice(state, instanceId, caSn, deviceSn);
  caOf(instanceOf(state, instanceId), caSn).devices.delete(deviceSn);
  return device;
}
