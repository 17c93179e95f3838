import type { ApiClient } from '../support/http/client.ts';
import type { LedgerEntry } from '../support/ledger.ts';
import { recoveryLevelOf, softDeletes } from './support/bundle.ts';
import { beingDeleted, deleteCert, purgeCert } from './support/ops.ts';
import { pollUntil } from './support/poll.ts';

// Cleanup is housekeeping, not a verdict: no contract check, no rule.
const quiet = { contract: false, label: 'cleanup' } as const;

/**
 * Removes one certificate for good: delete (all versions), then purge it from the deleted
 * store. Right after a delete the deleted store may not show it yet (reference §2.3: 404) and a
 * purge answers 409 ObjectIsBeingDeleted until the deletion is processed (recorded at 7.0), so the
 * purge is retried within the poll bound on a 409 always, and on a 404 when this call just
 * deleted it or `pending` says the caller knows a deletion is in flight.
 */
export async function removeCertificate(api: ApiClient, name: string, pending = false): Promise<'deleted' | 'gone' | string> {
  const del = await deleteCert(api, name, quiet);
  if (del.status !== 200 && del.status !== 404) return `DeleteCertificate ${name}: ${del.status} ${del.code ?? ''}`.trim();
  if (del.status === 200 && !softDeletes(recoveryLevelOf(del.body))) return 'deleted';
  const waitForIt = del.status === 200 || pending;
  const purge = await pollUntil(() => purgeCert(api, name, quiet), (ex) => !beingDeleted(ex) && !(waitForIt && ex.status === 404));
  if (purge.status === 204) return 'deleted';
  if (purge.status === 404 && !waitForIt) return 'gone';
  return `PurgeDeletedCertificate ${name}: ${purge.status} ${purge.code ?? ''}`.trim();
}

/** `certconform cleanup --ledger FILE`: one ledger entry (kind certificate, id = its name). */
export async function cleanup(api: ApiClient, entry: LedgerEntry): Promise<'deleted' | 'gone' | string> {
  if (entry.kind !== 'certificate') return `unknown kind '${entry.kind}' for azure-keyvault`;
  return removeCertificate(api, entry.id);
}
