import { readFileSync } from 'node:fs';
import mqtt from 'mqtt';
import { issue, type GeneratedCert } from '../../support/certs/generate.ts';
import type { ApiClient } from '../../support/http/client.ts';
import type { Target } from '../../support/target/targets.ts';
import { listDevicesByCa, type DeviceEntry } from './pages.ts';

/** A device certificate the broker registered, as the API names it. */
export interface Device { caSn: string; deviceSn: string; cert: GeneratedCert }

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

const sameSerial = (a: string, b: string) => a.toLowerCase().replace(/^0+/, '') === b.toLowerCase().replace(/^0+/, '');

/**
 * Issues a device certificate from `ca`, connects with it, then waits (bounded poll: the
 * registration may lag the connection on a real broker) until the CA's listing shows it.
 */
export async function enrolDevice(api: ApiClient, ca: { sn: string; cert: GeneratedCert }, known: string[] = []): Promise<Device> {
  const cert = await issue(ca.cert, { subject: [{ CN: [`certconform-device-${Math.random().toString(36).slice(2, 8)}`] }], ca: false });
  await connectDevice(api.target, cert, ca.cert);
  let seen: DeviceEntry[] = [];
  for (const wait of POLL_MS) {
    await new Promise((r) => setTimeout(r, wait));
    const walk = await listDevicesByCa(api, ca.sn);
    seen = walk.entries;
    const hit = seen.find((d) => sameSerial(d.DeviceSn, cert.serialNumber)) ?? seen.find((d) => !known.includes(d.DeviceSn));
    if (hit) return { caSn: ca.sn, deviceSn: hit.DeviceSn, cert };
  }
  throw new Error(`device ${cert.serialNumber} connected but never appeared under CA ${ca.sn} (saw ${seen.map((d) => d.DeviceSn).join(', ') || 'none'})`);
}
