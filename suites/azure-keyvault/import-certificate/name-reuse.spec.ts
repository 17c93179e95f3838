import { rules } from '../../support/rules.ts';
import { asObj, recoveryLevelOf, softDeletes } from '../support/bundle.ts';
import { awaitDeleted, awaitLeftDeleted, deleteCert, purgeWhenProcessed } from '../support/ops.ts';
import { pollUntil } from '../support/poll.ts';
import { precondition } from '../support/precondition.ts';
import { test } from '../support/test.ts';

test(
  'a deleted name cannot be reused until it is purged; then it is free again',
  rules(['AZKV-IMP-002', 'AZKV-PUR-004']),
  async ({ api, check, vault }) => {
    const name = vault.newName('reuse');
    precondition((await vault.import(name)).ex, 200, 'ImportCertificate');
    const del = await deleteCert(api, name);
    precondition(del, 200, 'DeleteCertificate');
    vault.pending.add(name);
    if (!softDeletes(recoveryLevelOf(del.body))) {
      check.notApplicable('AZKV-IMP-002', `the vault does not soft-delete (recoveryLevel ${recoveryLevelOf(del.body)})`);
    } else {
      precondition(await awaitDeleted(api, name), 200, 'GetDeletedCertificate (polled)');
      const again = (await vault.import(name, { label: 'ImportCertificate under the deleted name' })).ex;
      check.outcome('AZKV-IMP-002', again);
      const inner = asObj(asObj(asObj(again.body).error).innererror).code;
      check.that('AZKV-IMP-002', inner === 'ObjectIsDeletedButRecoverable', `innererror.code ${JSON.stringify(inner)}`, 'ObjectIsDeletedButRecoverable');
      precondition(await purgeWhenProcessed(api, name), 204, 'PurgeDeletedCertificate');
      precondition(await awaitLeftDeleted(api, name), 404, 'GetDeletedCertificate after purge (polled)');
    }
    // The purge may take a moment to free the name on the real service: poll the import too.
    const fresh = await pollUntil(() => vault.import(name, { label: 'ImportCertificate after purge' }).then((r) => r.ex), (ex) => ex.status !== 409);
    vault.pending.delete(name);
    check.outcome('AZKV-PUR-004', fresh);
  },
);
