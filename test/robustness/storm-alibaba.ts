import { selfSigned, verificationCertificate } from '../../suites/support/certs/generate.ts';
import type { ApiClient } from '../../suites/support/http/client.ts';
import { connectDevice, deviceCert } from '../../suites/alibaba-mqtt/support/enrol.ts';
import { outcomeOf, shuffle, times } from './storm-record.ts';
import type { Storm } from './storm-serial.ts';

/**
 * The model: whether the CA is registered, and how many of our devices are enrolled under it
 * (a count keeps the search small; which ones is checked against the enrolments that succeeded).
 */
interface Ca {
  ca: boolean;
  devices: number;
}

// FindCaBySnError: 500 in the seed's table, 400 in the status-code notice; both documented.
const NO_CA = ['400 FindCaBySnError', '500 FindCaBySnError'];

/**
 * ApsaraMQ for MQTT as documented (ALIMQTT delete rules, official-models.md §3.1): deleting a
 * CA removes it with every device certificate it issued, in one step; a device enrols on its
 * first connect only while its CA is registered and active; a missing CA is FindCaBySnError.
 */
function step(s: Ca, op: string): { outcome: string; next: Ca }[] {
  if (op === 'enrol') return s.ca ? [{ outcome: 'enrolled', next: { ca: true, devices: s.devices + 1 } }] : [{ outcome: 'refused', next: s }];
  if (!s.ca) return NO_CA.map((outcome) => ({ outcome, next: s }));
  if (op === 'delete') return [{ outcome: '200', next: { ca: false, devices: 0 } }];
  if (op === 'get') return [{ outcome: '200', next: s }];
  throw new Error(`unknown op ${op}`);
}

/** One registered CA; its deletion races `n` device enrolments over MQTT and reads of it. */
export async function alibabaSharedStorm(api: ApiClient, n: number): Promise<Storm<Ca>> {
  const instance = { MqttInstanceId: api.target.credentials.instanceId! };
  const code = (await api.call('GetRegisterCode', { query: instance })).body as { RegisterCode: string };
  const ca = await selfSigned({ subject: [{ CN: ['storm-ca.alibaba.test'] }] });
  const verification = await verificationCertificate(ca, code.RegisterCode);
  const reg = await api.call('RegisterCaCertificate', { query: { ...instance, CaName: 'storm', CaContent: ca.pem, VerificationContent: verification.pem } });
  const sn = (reg.body as { Sn?: string }).Sn;
  if (reg.status !== 200 || !sn) throw new Error(`setup: RegisterCaCertificate answered ${outcomeOf(reg)}`);
  const enrols = Math.max(1, n - 10);
  const devices = await Promise.all(Array.from({ length: enrols }, () => deviceCert(ca)));
  const call = async (op: string, query: Record<string, string>) => outcomeOf(await api.call(op, { query: { ...instance, ...query } }, { retry: false }));
  // An API call is far quicker than a TLS handshake: the deletes wait until a third of the
  // enrolments are through, so they land among the rest instead of before them all.
  let through = 0;
  let release!: () => void;
  const third = new Promise<void>((r) => (release = r));
  const enrolled = new Set<number>();
  const enrol = (i: number) =>
    connectDevice(api.target, devices[i]!, ca)
      .then(() => (enrolled.add(i), 'enrolled'), () => 'refused')
      .finally(() => ++through >= enrols / 3 && release());
  const ops = shuffle([
    ...times(3, 'delete', () => third.then(() => call('DeleteCaCertificate', { Sn: sn }))),
    ...times(7, 'get', () => call('GetCaCertificate', { Sn: sn })),
    ...devices.map((_, i) => ({ op: 'enrol', send: () => enrol(i) })),
  ]);
  const serial = (hex: string) => hex.toLowerCase().replace(/^0+/, '');
  const serials = devices.map((d) => serial(d.serialNumber));
  const observe = async (): Promise<Ca> => {
    const get = await api.call('GetCaCertificate', { query: { ...instance, Sn: sn } });
    const all = await api.call('ListDeviceCertificate', { query: { ...instance, PageNo: '1', PageSize: '100' } });
    const listed = ((all.body as { Data?: { DeviceCertificateVOS?: { CaSn: string; DeviceSn: string }[] } }).Data?.DeviceCertificateVOS ?? []).filter((d) => d.CaSn === sn);
    const ours = listed.map((d) => serials.indexOf(serial(d.DeviceSn)));
    const strays = ours.filter((i) => !enrolled.has(i));
    if (strays.length) throw new Error(`devices listed under CA ${sn} whose enrolment was refused or is unknown: ${strays}`);
    const exists = get.status === 200;
    if (exists && ours.length !== enrolled.size) throw new Error(`${enrolled.size} devices enrolled under CA ${sn} but ${ours.length} are listed`);
    return { ca: exists, devices: ours.length };
  };
  return { initial: { ca: true, devices: 0 }, ops, step, key: (s) => JSON.stringify(s), observe };
}
