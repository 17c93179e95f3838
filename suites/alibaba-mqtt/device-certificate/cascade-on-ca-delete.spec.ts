import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { cleanupCas, deleteCa, mustRegisterCa } from '../support/ca.ts';
import { enrolDevice } from '../support/enrol.ts';
import { instanceOf, NO_BROKER } from '../support/instance.ts';
import { listDevices, listDevicesByCa } from '../support/pages.ts';

const CASCADE = ['ALIMQTT-DEV-001', 'ALIMQTT-DEV-002', 'ALIMQTT-DEV-003', 'ALIMQTT-DEV-004'];

test('deleting a CA deletes its device certificates and only those', rules([...CASCADE, 'ALIMQTT-DEL-001', 'ALIMQTT-LST-004']), async ({ api, check, ledger, info, target }) => {
  if (!target.mqtt) return CASCADE.forEach((r) => check.notRun(r, NO_BROKER));
  const gone = await mustRegisterCa(api, ledger, info.runId);
  const kept = await mustRegisterCa(api, ledger, info.runId);
  try {
    const goneDevice = await enrolDevice(api, gone);
    const keptDevice = await enrolDevice(api, kept);
    const mine = await listDevicesByCa(api, gone.sn);
    check.that('ALIMQTT-LST-004', mine.entries.every((d) => d.CaSn === gone.sn), () => `CaSn ${mine.entries.map((d) => d.CaSn).join(', ')}`, `every CaSn ${gone.sn}`);

    const del = await deleteCa(api, ledger, gone.sn);
    check.outcome('ALIMQTT-DEL-001', del);

    const byCa = await listDevicesByCa(api, gone.sn);
    if (byCa.failed) check.outcome('ALIMQTT-DEV-001', byCa.failed);
    else check.that('ALIMQTT-DEV-001', byCa.entries.length === 0, () => `still listed: ${byCa.entries.map((d) => d.DeviceSn).join(', ')}`, 'an empty page (Total 0) or FindCaBySnError');

    const all = await listDevices(api);
    if (all.failed) check.outcome('ALIMQTT-DEV-002', all.failed);
    const orphans = all.entries.filter((d) => d.CaSn === gone.sn);
    check.that('ALIMQTT-DEV-002', orphans.length === 0, () => `listed with CaSn ${gone.sn}: ${orphans.map((d) => d.DeviceSn).join(', ')}`, `no entry with CaSn ${gone.sn}`);

    const get = await api.call('GetDeviceCertificate', { query: { MqttInstanceId: instanceOf(target), CaSn: gone.sn, DeviceSn: goneDevice.deviceSn } });
    check.outcome('ALIMQTT-DEV-003', get);

    const other = await listDevicesByCa(api, kept.sn);
    if (other.failed) check.outcome('ALIMQTT-DEV-004', other.failed);
    check.that('ALIMQTT-DEV-004', other.entries.some((d) => d.DeviceSn === keptDevice.deviceSn), () => `listed under ${kept.sn}: ${other.entries.map((d) => d.DeviceSn).join(', ') || 'nothing'}`, `device ${keptDevice.deviceSn} still listed`);
  } finally {
    await cleanupCas(api, ledger, [gone.sn, kept.sn]);
  }
});
