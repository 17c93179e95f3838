import type { Outcome } from '../../../lib/rules/catalog.ts';
import { rules } from '../../support/rules.ts';
import { recoveryLevelOf, softDeletes, versionOf } from '../support/bundle.ts';
import { awaitDeleted, awaitLive, deleteCert, getCert, getPolicy, getVersion, recoverCert } from '../support/ops.ts';
import { precondition } from '../support/precondition.ts';
import { test } from '../support/test.ts';

const OK: Outcome[] = [{ status: 200 }];

// Every answer is checked against the contract by the client (AZKV-SPEC-001); this test makes
// sure each operation's success answer is among them, and that each is the documented 200.
test('valid requests of every operation get their documented success answer', rules(['AZKV-SPEC-001']), async ({ api, check, vault }) => {
  const name = vault.newName('everyop');
  const { ex: imported } = await vault.import(name, { tags: { purpose: 'certconform' } });
  check.outcome('AZKV-SPEC-001', imported, OK);
  const version = versionOf((imported.body as { id?: unknown } | undefined)?.id, name);
  if (!version) throw new Error('precondition: ImportCertificate returned no versioned id');
  check.outcome('AZKV-SPEC-001', await getCert(api, name), OK);
  check.outcome('AZKV-SPEC-001', await getVersion(api, name, version), OK);
  check.outcome('AZKV-SPEC-001', await getPolicy(api, name), OK);
  check.outcome('AZKV-SPEC-001', await api.call('GetCertificates', { query: { maxresults: 5 } }), OK);
  const deleted = await deleteCert(api, name);
  precondition(deleted, 200, 'DeleteCertificate');
  vault.pending.add(name);
  check.outcome('AZKV-SPEC-001', deleted, OK);
  check.outcome('AZKV-SPEC-001', await api.call('GetDeletedCertificates', { query: { maxresults: 5 } }), OK);
  if (!softDeletes(recoveryLevelOf(deleted.body))) return; // no deleted store: nothing more to ask
  check.outcome('AZKV-SPEC-001', await awaitDeleted(api, name), OK);
  check.outcome('AZKV-SPEC-001', await recoverCert(api, name), OK);
  vault.pending.delete(name);
  check.outcome('AZKV-SPEC-001', await awaitLive(api, name), OK);
});
