import { rules } from '../../support/rules.ts';
import { purgeable, recoveryLevelOf } from '../support/bundle.ts';
import { getDeleted, purgeCert } from '../support/ops.ts';
import { softDeleted } from '../support/soft-deleted.ts';
import { test } from '../support/test.ts';

test('purge is refused in a vault whose recovery level lacks Purgeable', rules(['AZKV-PUR-006']), async ({ api, check, vault }) => {
  const s = await softDeleted(vault, check, 'protected', ['AZKV-PUR-006']);
  if (!s) return;
  const level = recoveryLevelOf(s.deleted.body);
  if (purgeable(level)) return check.notApplicable('AZKV-PUR-006', `the vault's recoveryLevel is ${level}: purge is available here`);
  check.outcome('AZKV-PUR-006', await purgeCert(api, s.name));
  const still = await getDeleted(api, s.name, { label: 'GetDeletedCertificate after the refused purge' });
  check.that('AZKV-PUR-006', still.status === 200, `GetDeletedCertificate ${still.status}`, '200: the refused purge removed nothing');
});
