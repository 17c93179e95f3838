import { rules } from '../../support/rules.ts';
import { certName } from '../support/names.ts';
import { awaitLeftDeleted, getCert, purgeCert, purgeWhenProcessed } from '../support/ops.ts';
import { precondition } from '../support/precondition.ts';
import { softDeleted } from '../support/soft-deleted.ts';
import { test } from '../support/test.ts';

test('purging a name that never existed answers 404', rules(['AZKV-PUR-005'], '@readonly'), async ({ api, check, info }) => {
  check.outcome('AZKV-PUR-005', await purgeCert(api, certName(info.runId, 'never')));
});

test('purging a live certificate answers 404 and leaves it live', rules(['AZKV-PUR-005']), async ({ api, check, vault }) => {
  const name = vault.newName('purgelive');
  precondition((await vault.import(name)).ex, 200, 'ImportCertificate');
  check.outcome('AZKV-PUR-005', await purgeCert(api, name, { label: 'PurgeDeletedCertificate of a live certificate' }));
  const live = await getCert(api, name, { label: 'GetCertificate after the refused purge' });
  check.that('AZKV-PUR-005', live.status === 200, `GetCertificate ${live.status}`, '200: the live certificate is untouched');
});

test('purging an already purged certificate answers 404', rules(['AZKV-PUR-005']), async ({ api, check, vault }) => {
  const s = await softDeleted(vault, check, 'purgetwice', ['AZKV-PUR-005']);
  if (!s) return;
  precondition(await purgeWhenProcessed(api, s.name), 204, 'PurgeDeletedCertificate');
  vault.pending.delete(s.name);
  precondition(await awaitLeftDeleted(api, s.name), 404, 'GetDeletedCertificate after purge (polled)');
  check.outcome('AZKV-PUR-005', await purgeCert(api, s.name, { label: 'second PurgeDeletedCertificate' }));
});
