import { listCas, listDevices } from '../support/pages.ts';
import { liveDevices, type Model, type Real } from './model.ts';

/**
 * The deletion invariants, after every command: a deleted CA is on no list page and not
 * found by Get; its device certificates went with it; every other CA and device is still
 * there as the model says; a device deleted on its own is gone. These re-reads skip the
 * per-exchange schema check (about 3 ms each in the harness): the commands and scenario tests
 * check the same operations' answers against the spec.
 */
export async function invariants(m: Model, r: Real): Promise<void> {
  const cas = await listCas(r.api, 100, false);
  if (cas.failed) r.check.outcome('ALIMQTT-DEL-002', cas.failed);
  const listed = new Map(cas.entries.map((e) => [e.Sn, e]));
  for (const sn of m.deletedCas.keys()) r.check.that('ALIMQTT-DEL-002', !listed.has(sn), `deleted Sn ${sn} listed`, 'absent from every page');
  for (const ca of m.cas.values()) {
    const e = listed.get(ca.sn);
    r.check.that('ALIMQTT-DEL-012', e?.Status === ca.status, e ? `${ca.sn} listed with Status ${e.Status}` : `${ca.sn} missing`, `${ca.sn} listed with Status "${ca.status}"`);
  }
  for (const sn of m.deletedCas.keys()) {
    const get = await r.api.call('GetCaCertificate', { query: { MqttInstanceId: r.instance, Sn: sn } }, { label: 'invariant: GetCaCertificate(deleted)', contract: false });
    r.check.outcome('ALIMQTT-DEL-003', get);
  }
  if (m.deletedCas.size + m.deletedDevices.size + liveDevices(m).length === 0) return;
  const devices = await listDevices(r.api, 100, false);
  if (devices.failed) r.check.outcome('ALIMQTT-DEV-002', devices.failed);
  const orphan = devices.entries.find((d) => m.deletedCas.has(d.CaSn));
  r.check.that('ALIMQTT-DEV-002', !orphan, () => `${orphan!.DeviceSn} listed under deleted CA ${orphan!.CaSn}`, 'no device of a deleted CA');
  const seen = new Set(devices.entries.map((d) => d.DeviceSn));
  for (const d of liveDevices(m)) r.check.that('ALIMQTT-DEV-004', seen.has(d.deviceSn), `${d.deviceSn} of live CA ${d.caSn} missing`, 'every device of a live CA listed');
  for (const [deviceSn] of m.deletedDevices) r.check.that('ALIMQTT-DEV-006', !seen.has(deviceSn), `deleted device ${deviceSn} listed`, 'a deleted device certificate is gone');
}
