import { rules } from '../../support/rules.ts';
import { importFresh } from '../support/bodies.ts';
import { listAll, type Listing } from '../support/list-all.ts';
import { poll } from '../support/poll.ts';
import { test } from '../support/test.ts';

// An imported certificate is listed as UPLOAD, unfiltered and under status=UPLOAD (where every
// row is UPLOAD and total_count covers the page), whichever page size is used.
test('an imported certificate is listed as UPLOAD; the UPLOAD filter lists only UPLOAD', rules(['HWSCM-LST-002', 'HWSCM-LST-003']), async ({ scm, api, check, info }) => {
  const id = await importFresh(scm, check, info.runId, 'lst');
  for (const query of [{ limit: 10 }, { limit: 50, status: 'ALL' }, { limit: 20, status: 'UPLOAD' }]) {
    const listing = await poll(() => listAll(api, query), (l: Listing) => l.byId.has(id));
    for (const p of listing.pages) check.outcome('HWSCM-LST-002', p);
    const row = listing.byId.get(id);
    check.that('HWSCM-LST-002', row?.status === 'UPLOAD', () => `${JSON.stringify(query)}: ${row ? `status ${row.status}` : 'not listed'}`, `listed with status UPLOAD`);
    if (query.status !== 'UPLOAD') continue;
    for (const p of listing.pages) {
      const body = p.body as { certificates: { id?: string; status?: string }[]; total_count: number };
      const other = body.certificates.filter((c) => c.status !== 'UPLOAD');
      check.that('HWSCM-LST-003', other.length === 0, () => `status=UPLOAD listed ${other.map((c) => `${c.id}:${c.status}`).join(', ')}`, 'only UPLOAD rows');
      check.that('HWSCM-LST-003', body.total_count >= body.certificates.length, `total_count ${body.total_count} < ${body.certificates.length} rows`, 'total_count >= rows on the page');
    }
  }
});
