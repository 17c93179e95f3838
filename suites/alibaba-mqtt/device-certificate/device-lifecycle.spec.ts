import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { cleanupCas, mustRegisterCa } from '../support/ca.ts';
import { enrolDevice } from '../support/enrol.ts';
import { instanceOf, NO_BROKER } from '../support/instance.ts';
import { listDevicesByCa } from '../support/pages.ts';

const RULES = ['ALIMQTT-STA-004', 'ALIMQTT-STA-005', 'ALIMQTT-DEV-005', 'ALIMQTT-DEV-006'];

test('an enrolled device certificate inactivates, activates and deletes; its CA stays', rules(RULES), async ({ api, check, ledger, info, target }) => {
  if (!target.mqtt) return RULES.forEach((r) => check.notRun(r, NO_BROKER));
  const ca = await mustRegisterCa(api, ledger, info.runId);
  try {
    const device = await enrolDevice(api, ca);
    const query = { MqttInstanceId: instanceOf(target), CaSn: ca.sn, DeviceSn: device.deviceSn };
    for (const [op, want] of [['InactivateDeviceCertificate', '0'], ['ActiveDeviceCertificate', '1']] as const) {
      const ex = await api.call(op, { query });
      check.outcome('ALIMQTT-STA-004', ex);
      check.that('ALIMQTT-STA-004', (ex.body as { DeviceSn?: string }).DeviceSn === device.deviceSn, ex.text.slice(0, 200), `DeviceSn ${device.deviceSn}`);
      const got = await api.call('GetDeviceCertificate', { query });
      const status = (got.body as { Data?: { Status?: string } }).Data?.Status;
      check.that('ALIMQTT-STA-005', got.status === 200 && status === want, `after ${op}: ${got.status} Status ${JSON.stringify(status)}`, `200 with Status "${want}"`);
    }
    const del = await api.call('DeleteDeviceCertificate', { query });
    check.outcome('ALIMQTT-DEV-006', del);
    check.that('ALIMQTT-DEV-006', (del.body as { DeviceSn?: string }).DeviceSn === device.deviceSn, del.text.slice(0, 200), `DeviceSn ${device.deviceSn}`);
    const left = await listDevicesByCa(api, ca.sn);
    check.that('ALIMQTT-DEV-006', !left.failed && !left.entries.some((d) => d.DeviceSn === device.deviceSn), `${device.deviceSn} still listed (or listing ${left.failed?.status})`, 'absent from its CA\'s listing');
    const get = await api.call('GetCaCertificate', { query: { MqttInstanceId: instanceOf(target), Sn: ca.sn } });
    check.outcome('ALIMQTT-DEV-005', get);
    check.that('ALIMQTT-DEV-005', (get.body as { Data?: { Sn?: string } }).Data?.Sn === ca.sn, get.text.slice(0, 200), `the CA ${ca.sn}`);
  } finally {
    await cleanupCas(api, ledger, [ca.sn]);
  }
});
