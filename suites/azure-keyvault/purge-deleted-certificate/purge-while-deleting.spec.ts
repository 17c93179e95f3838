import { rules } from '../../support/rules.ts';
import { recoveryLevelOf, softDeletes } from '../support/bundle.ts';
import { awaitLeftDeleted, beingDeleted, deleteCert, purgeCert, purgeWhenProcessed } from '../support/ops.ts';
import { precondition } from '../support/precondition.ts';
import { test } from '../support/test.ts';

// Recorded at 7.0 (specs/recordings/azure-keyvault/js-7.0-purge-while-deleting.json): a purge sent
// right after the delete, before the deleted store shows the certificate, answers 409 Conflict
// (ObjectIsBeingDeleted) and purges nothing; retried, it answers 204. A target without a
// processing delay answers 204 at once. Anything else (404: "nothing there") leaves it behind.
test(
  'purging right after the delete answers 204, or 409 until the deletion is processed and then 204',
  rules(['AZKV-PUR-001', 'AZKV-PUR-002']),
  async ({ api, check, vault }) => {
    const name = vault.newName('purgenow');
    const { ex: imp } = await vault.import(name);
    precondition(imp, 200, 'ImportCertificate');
    const del = await deleteCert(api, name);
    precondition(del, 200, 'DeleteCertificate');
    vault.pending.add(name);
    if (!softDeletes(recoveryLevelOf(del.body))) {
      for (const r of ['AZKV-PUR-001', 'AZKV-PUR-002']) check.notApplicable(r, `the vault does not soft-delete (recoveryLevel ${recoveryLevelOf(del.body)})`);
      return;
    }
    const first = await purgeCert(api, name, { label: 'PurgeDeletedCertificate right after the delete' });
    check.outcome('AZKV-PUR-001', first);
    const last = beingDeleted(first) ? await purgeWhenProcessed(api, name, { label: 'PurgeDeletedCertificate, retried on 409' }) : first;
    check.outcome('AZKV-PUR-001', last, [{ status: 204 }]);
    vault.pending.delete(name);
    check.outcome('AZKV-PUR-002', await awaitLeftDeleted(api, name));
  },
);
