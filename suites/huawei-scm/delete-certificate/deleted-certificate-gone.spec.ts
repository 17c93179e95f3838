import { rules } from '../../support/rules.ts';
import { importFresh } from '../support/bodies.ts';
import { checkAbsentFromList, PAGE_SIZES } from '../support/deletion.ts';
import { test } from '../support/test.ts';

// The whole deletion story of one certificate: 204 without a body, then gone from Show and
// from every page of every page size, and a second delete is an error, never a second 204.
test(
  'a deleted certificate answers 204, is gone from show and from every list page, and cannot be deleted twice',
  rules(['HWSCM-DEL-001', 'HWSCM-DEL-002', 'HWSCM-DEL-003', 'HWSCM-DEL-004']),
  async ({ scm, api, check, info }) => {
    const id = await importFresh(scm, check, info.runId, 'del-gone');
    const del = await scm.delete(id);
    check.outcome('HWSCM-DEL-001', del);
    check.that('HWSCM-DEL-001', del.text === '', `204 with body ${JSON.stringify(del.text.slice(0, 80))}`, '204 with an empty body');
    for (const limit of PAGE_SIZES) await checkAbsentFromList(api, check, [id], limit);
    check.outcome('HWSCM-DEL-003', await scm.show(id, { label: 'ShowCertificate after delete' }));
    check.outcome('HWSCM-DEL-004', await scm.delete(id, { label: 'DeleteCertificate again' }));
  },
);
