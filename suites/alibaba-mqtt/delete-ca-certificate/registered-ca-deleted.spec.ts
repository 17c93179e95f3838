import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { cleanupCas, deleteCa, mustRegisterCa } from '../support/ca.ts';
import { instanceOf } from '../support/instance.ts';
import { listCas } from '../support/pages.ts';
import { isPopCoreSuccess } from '../support/pop-core.ts';

test(
  'deleting a registered CA echoes its Sn, removes it from Get and every list page, leaves the others, and a second delete is not found',
  rules(['ALIMQTT-DEL-001', 'ALIMQTT-FMT-001', 'ALIMQTT-FMT-005', 'ALIMQTT-DEL-002', 'ALIMQTT-DEL-003', 'ALIMQTT-DEL-005', 'ALIMQTT-DEL-012', 'ALIMQTT-FMT-002', 'ALIMQTT-SPEC-001']),
  async ({ api, check, ledger, info }) => {
    const gone = await mustRegisterCa(api, ledger, info.runId);
    const kept = await mustRegisterCa(api, ledger, info.runId);
    try {
      const del = await deleteCa(api, ledger, gone.sn);
      check.outcome('ALIMQTT-DEL-001', del);
      const body = del.body as { RequestId?: unknown; Sn?: unknown; Code?: unknown } | undefined;
      check.that('ALIMQTT-DEL-001', body?.Sn === gone.sn, `Sn ${JSON.stringify(body?.Sn)}`, `Sn ${JSON.stringify(gone.sn)}`);
      check.that('ALIMQTT-FMT-001', typeof body?.RequestId === 'string' && body.RequestId !== '' && body.Sn === gone.sn, del.text.slice(0, 200), 'a JSON object with a non-empty RequestId and the Sn');
      const success = body !== undefined && (!('Code' in body) || isPopCoreSuccess(body.Code));
      check.that('ALIMQTT-FMT-005', success, `a 200 body with Code ${JSON.stringify(body?.Code)}`, 'no Code member on success, or one pop-core reads as success');

      // A walk in small pages: every page, not only the first, must be free of the deleted Sn.
      const walk = await listCas(api, 2);
      if (walk.failed) check.outcome('ALIMQTT-DEL-002', walk.failed);
      check.that('ALIMQTT-DEL-002', !walk.entries.some((e) => e.Sn === gone.sn), `Sn ${gone.sn} listed after its delete`, 'absent from every page');
      const full = walk.stable ? walk : await listCas(api);
      const other = full.entries.find((e) => e.Sn === kept.sn);
      check.that('ALIMQTT-DEL-012', other?.CaName === kept.name && other?.Status === '1', other ? `listed as ${other.CaName} Status ${other.Status}` : `${kept.sn} missing`, `${kept.sn} listed, ${kept.name}, Status "1"`);

      const get = await api.call('GetCaCertificate', { query: { MqttInstanceId: instanceOf(api.target), Sn: gone.sn } });
      check.outcome('ALIMQTT-DEL-003', get);

      const again = await deleteCa(api, ledger, gone.sn, 'DeleteCaCertificate (again)');
      check.outcome('ALIMQTT-DEL-005', again);
      check.outcome('ALIMQTT-FMT-002', again);
      check.that('ALIMQTT-FMT-002', !!(again.body as { RequestId?: string; Message?: string })?.RequestId && typeof (again.body as { Message?: unknown })?.Message === 'string', again.text.slice(0, 200), 'an error body with RequestId, Code and Message');
    } finally {
      await cleanupCas(api, ledger, [gone.sn, kept.sn]);
    }
  },
);
