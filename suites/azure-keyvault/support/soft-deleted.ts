import type { Checker } from '../../support/checks/checker.ts';
import type { Exchange } from '../../support/http/exchange.ts';
import { recoveryLevelOf, softDeletes } from './bundle.ts';
import { awaitDeleted, deleteCert } from './ops.ts';
import { precondition } from './precondition.ts';
import type { Vault } from './vault.ts';

/**
 * Imports a certificate, deletes it and waits (bounded) until the deleted store shows it.
 * Returns undefined after marking `ruleIds` not applicable when the vault does not soft-delete.
 */
export async function softDeleted(vault: Vault, check: Checker, what: string, ruleIds: string[]): Promise<{ name: string; imported: Exchange; deleted: Exchange } | undefined> {
  const name = vault.newName(what);
  const { ex: imported } = await vault.import(name);
  precondition(imported, 200, 'ImportCertificate');
  const deleted = await deleteCert(vault.api, name);
  precondition(deleted, 200, 'DeleteCertificate');
  vault.pending.add(name);
  const level = recoveryLevelOf(deleted.body);
  if (!softDeletes(level)) {
    for (const r of ruleIds) check.notApplicable(r, `the vault does not soft-delete (recoveryLevel ${level}): there is no deleted store`);
    return undefined;
  }
  precondition(await awaitDeleted(vault.api, name), 200, 'GetDeletedCertificate (polled)');
  return { name, imported, deleted };
}
