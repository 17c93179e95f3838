import { rules } from '../../support/rules.ts';
import { asObj, recoveryLevelOf, softDeletes } from '../support/bundle.ts';
import { awaitDeleted, deleteCert, getDeleted } from '../support/ops.ts';
import { POLL_TIMEOUT_MS } from '../support/poll.ts';
import { precondition } from '../support/precondition.ts';
import { test } from '../support/test.ts';

test(
  'a deleted certificate shows in the deleted store with what the delete returned; a live one does not',
  rules(['AZKV-GET-003', 'AZKV-GET-004']),
  async ({ api, check, vault }) => {
    const name = vault.newName('visible');
    precondition((await vault.import(name)).ex, 200, 'ImportCertificate');
    check.outcome('AZKV-GET-004', await getDeleted(api, name, { label: 'GetDeletedCertificate of a live certificate' }));
    const del = await deleteCert(api, name);
    precondition(del, 200, 'DeleteCertificate');
    vault.pending.add(name);
    const level = recoveryLevelOf(del.body);
    if (!softDeletes(level)) return check.notApplicable('AZKV-GET-003', `the vault does not soft-delete (recoveryLevel ${level})`);
    // Polls within the bound: 404 while the deletion is processed is not a failure.
    const got = await awaitDeleted(api, name);
    check.outcome('AZKV-GET-003', got, [{ status: 200 }]);
    const [b, d] = [asObj(got.body), asObj(del.body)];
    for (const k of ['recoveryId', 'id', 'deletedDate'] as const) {
      check.that('AZKV-GET-003', b[k] === d[k], `${k} ${JSON.stringify(b[k])} (after polling up to ${POLL_TIMEOUT_MS} ms)`, `${k} the delete returned: ${JSON.stringify(d[k])}`);
    }
  },
);
