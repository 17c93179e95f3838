import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { cleanupCas, mustRegisterCa } from '../support/ca.ts';
import { listCas } from '../support/pages.ts';

interface Data { PageNo?: unknown; PageSize?: unknown; Total?: unknown; CaCertificateVOS?: { Sn: string }[] }

test('walking ListCaCertificate in pages of 2 yields each of our CAs exactly once', rules(['ALIMQTT-LST-003']), async ({ api, check, ledger, info }) => {
  const cas = [await mustRegisterCa(api, ledger, info.runId), await mustRegisterCa(api, ledger, info.runId), await mustRegisterCa(api, ledger, info.runId)];
  try {
    const walk = await listCas(api, 2);
    if (walk.failed) check.outcome('ALIMQTT-LST-003', walk.failed);
    walk.pages.forEach((p, i) => {
      const d = (p.body as { Data?: Data }).Data ?? {};
      const n = d.CaCertificateVOS?.length ?? 0;
      check.that('ALIMQTT-LST-003', d.PageNo === i + 1 && d.PageSize === 2 && n <= 2 && Number.isInteger(d.Total), `page ${i + 1}: PageNo ${JSON.stringify(d.PageNo)}, PageSize ${JSON.stringify(d.PageSize)}, ${n} entries, Total ${JSON.stringify(d.Total)}`, `PageNo ${i + 1}, PageSize 2 (integers), at most 2 entries, integer Total`);
    });
    // Other tests register and delete concurrently: judge counts only on a walk that held still.
    if (!walk.stable) return check.notRun('ALIMQTT-LST-003', 'Total kept changing while walking (concurrent tests on the shared instance)');
    const total = (walk.pages[0]?.body as { Data?: Data }).Data?.Total;
    check.that('ALIMQTT-LST-003', walk.entries.length === total, `${walk.entries.length} entries over the pages`, `Total ${String(total)}`);
    for (const ca of cas) {
      const seen = walk.entries.filter((e) => e.Sn === ca.sn).length;
      check.that('ALIMQTT-LST-003', seen === 1, `${ca.sn} seen ${seen} times`, 'exactly once');
    }
  } finally {
    await cleanupCas(api, ledger, cas.map((c) => c.sn));
  }
});
