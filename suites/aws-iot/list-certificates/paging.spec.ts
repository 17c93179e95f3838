import { rules } from '../../support/rules.ts';
import { test } from '../helpers/fixtures.ts';
import { walkCertificates } from '../helpers/listing.ts';

test('pages hold at most pageSize certificates and the markers visit each certificate once', rules(['AWSIOT-LST-001']), async ({ api, check, sandbox }) => {
  const ours = [await sandbox.cert('INACTIVE'), await sandbox.cert('ACTIVE'), await sandbox.cert('INACTIVE')].map((c) => c.id);
  // Other tests share the account: only our certificates' visits are counted, and the walk is
  // bounded (ours are the newest, so in the first pages of the default order).
  const walk = await walkCertificates(api, { pageSize: 2, maxPages: 60, label: 'ListCertificates pageSize=2' });
  for (const ex of walk.exchanges) check.outcome('AWSIOT-LST-001', ex);
  const sizes = walk.pages.map((p) => p.length);
  check.that('AWSIOT-LST-001', sizes.every((n) => n <= 2), `page sizes [${sizes.join(', ')}]`, 'at most 2 per page');
  const ids = walk.pages.flat().map((c) => c.certificateId);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  check.that('AWSIOT-LST-001', twice.length === 0, `listed twice: ${twice.join(', ')}`, 'every certificate once');
  const counts = ours.map((id) => ids.filter((x) => x === id).length);
  check.that('AWSIOT-LST-001', counts.every((n) => n === 1), `our certificates seen [${counts.join(', ')}] times in ${walk.pages.length} pages`, 'each exactly once');
  const first = await api.call('ListCertificates', {}, { label: 'ListCertificates without pageSize' });
  const n = ((first.body as { certificates?: unknown[] })?.certificates ?? []).length;
  check.that('AWSIOT-LST-001', first.status === 200 && n <= 25, `${first.status}, ${n} certificates`, '200, at most 25 (the default page size)');
});

test('isAscendingOrder=true lists by ascending creationDate', rules(['AWSIOT-LST-003']), async ({ api, check, sandbox }) => {
  await sandbox.cert('INACTIVE');
  await sandbox.cert('INACTIVE');
  const walk = await walkCertificates(api, { pageSize: 250, ascending: true, maxPages: 40, label: 'ListCertificates ascending' });
  for (const ex of walk.exchanges) check.outcome('AWSIOT-LST-003', ex);
  const dates = walk.pages.flat().map((c) => c.creationDate ?? NaN);
  const i = dates.findIndex((d, k) => k > 0 && !(d >= dates[k - 1]!));
  check.that('AWSIOT-LST-003', dates.length > 0 && i === -1, () => (dates.length ? `creationDate ${dates[i]} after ${dates[i - 1]} (position ${i})` : 'no certificates listed'), 'non-decreasing creationDate');
});
