import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { cleanupCas, registerCa } from '../support/ca.ts';
import { instanceOf } from '../support/instance.ts';
import { listCas, listDevicesByCa } from '../support/pages.ts';

test(
  'a registered CA answers its Sn and reads back active, by Get and in the listing, with no devices yet',
  rules(['ALIMQTT-REG-001', 'ALIMQTT-REG-002', 'ALIMQTT-REG-003', 'ALIMQTT-GET-001', 'ALIMQTT-FMT-003', 'ALIMQTT-DEV-007', 'ALIMQTT-LST-004']),
  async ({ api, check, ledger, info }) => {
    const { ex, ca } = await registerCa(api, ledger, info.runId);
    try {
      check.outcome('ALIMQTT-REG-001', ex);
      check.that('ALIMQTT-REG-001', !!ca?.sn, `Sn ${JSON.stringify((ex.body as { Sn?: unknown })?.Sn)}`, 'a non-empty Sn');
      const sn = ca!.sn;

      const get = await api.call('GetCaCertificate', { query: { MqttInstanceId: instanceOf(api.target), Sn: sn } });
      check.outcome('ALIMQTT-REG-003', get);
      const data = (get.body as { RequestId?: string; Data?: { Sn?: string; CaName?: string; Status?: string } }).Data;
      check.that('ALIMQTT-FMT-003', !!(get.body as { RequestId?: string }).RequestId, 'no RequestId', 'a non-empty RequestId');
      check.that('ALIMQTT-GET-001', data?.Sn === sn, `Data.Sn ${JSON.stringify(data?.Sn)}`, `Data.Sn ${JSON.stringify(sn)}`);
      check.that('ALIMQTT-REG-003', data?.CaName === ca!.name && data?.Status === '1', `CaName ${JSON.stringify(data?.CaName)}, Status ${JSON.stringify(data?.Status)}`, `CaName ${JSON.stringify(ca!.name)}, Status "1"`);

      const listed = await listCas(api);
      if (listed.failed) check.outcome('ALIMQTT-REG-002', listed.failed);
      const entry = listed.entries.find((e) => e.Sn === sn);
      check.that('ALIMQTT-REG-002', entry?.Status === '1', entry ? `listed with Status ${JSON.stringify(entry.Status)}` : 'not listed', `Sn ${sn} listed with Status "1"`);

      const devices = await listDevicesByCa(api, sn);
      if (devices.failed) check.outcome('ALIMQTT-DEV-007', devices.failed);
      check.that('ALIMQTT-DEV-007', devices.entries.length === 0, `${devices.entries.length} device certificates`, 'an empty page before any device connects');
      check.that('ALIMQTT-LST-004', devices.entries.every((d) => d.CaSn === sn), 'an entry of another CA', `every CaSn ${sn}`);
    } finally {
      if (ca) await cleanupCas(api, ledger, [ca.sn]);
    }
  },
);
