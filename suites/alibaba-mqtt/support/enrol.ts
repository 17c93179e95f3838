import { readFileSync } from 'node:fs';
import mqtt from 'mqtt';
import { issue, type GeneratedCert } from '../../support/certs/generate.ts';
import type { ApiClient } from '../../support/http/client.ts';
import type { Target } from '../../support/target/targets.ts';
import { listDevicesByCa, type DeviceEntry } from './pages.ts';

/** A device certificate the broker registered, as the API names it. */
export interface Device { caSn: string; deviceSn: string }

const CONNECT_TIMEOUT_MS = 5_000;
const POLL_MS = [0, 50, 100, 200, 400, 800, 1600];

/**
 * One MQTT-over-TLS connection with a device certificate (official-models.md §3.1: the broker
 * registers a device certificate the first time a client connects with it, when its CA is
 * registered). Client id `GroupId@@@DeviceId` as the ApsaraMQ for MQTT docs name clients.
 */
export async function connectDevice(target: Target, device: GeneratedCert, ca: GeneratedCert): Promise<void> {
  const broker = target.mqtt;
  if (!broker) throw new Error('no MQTT broker on this target');
  const deviceId = device.serialNumber.slice(0, 16);
  const client = await mqtt.connectAsync(broker.url, {
    clientId: `GID_certconform@@@${deviceId}`,
    key: device.privateKeyPem,
    cert: `${device.pem.trimEnd()}\n${ca.pem.trimEnd()}\n`,
    ca: broker.caFile ? readFileSync(broker.caFile) : undefined,
    rejectUnauthorized: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    reconnectPeriod: 0,
  });
  await client.endAsync();
}

/** A device certificate issued by `ca` for one enrolment. */
export const deviceCert = (ca: GeneratedCert) => issue(ca, { subject: [{ CN: [`certconform-device-${Math.random().toString(36).slice(2, 8)}`] }], ca: false });

/**
 * Enrols `count` new device certificates of one CA (connections in parallel: each costs a TLS
 * handshake), then waits with a bounded poll (registration may lag the connection on a real
 * broker) until the CA's listing shows that many entries beyond `known`. Returns their DeviceSns.
 */
export async function enrolDevices(api: ApiClient, ca: { sn: string; cert: GeneratedCert }, count: number, known: string[] = []): Promise<Device[]> {
  const certs = await Promise.all(Array.from({ length: count }, () => deviceCert(ca.cert)));
  await Promise.all(certs.map((cert) => connectDevice(api.target, cert, ca.cert)));
  let seen: DeviceEntry[] = [];
  for (const wait of POLL_MS) {
    await new Promise((r) => setTimeout(r, wait));
    seen = (await listDevicesByCa(api, ca.sn)).entries.filter((d) => !known.includes(d.DeviceSn));
    if (seen.length >= count) return seen.map((d) => ({ caSn: ca.sn, deviceSn: d.DeviceSn }));
  }
  throw new Error(`${count} devices connected but ${seen.length} appeared under CA ${ca.sn}`);
}

/** One device certificate of `ca`, enrolled. */
export const enrolDevice = async (api: ApiClient, ca: { sn: string; cert: GeneratedCert }, known: string[] = []): Promise<Device> => (await enrolDevices(api, ca, 1, known))[0]!;
