import { getCert } from '../support/ops.ts';
import { awaitDeleted, awaitLeftDeleted } from '../support/ops.ts';
import { namesIn, short, type KvModel } from './model.ts';
import type { KvReal } from './real.ts';

/**
 * The deletion invariants, after every command, for every name of the sequence that went
 * through delete: it is not found live (GET-001); while deleted it is in the deleted store
 * (GET-003, polled); once purged it is in neither (PUR-002, polled).
 */
export async function deletionInvariants(m: KvModel, r: KvReal): Promise<void> {
  for (const name of [...namesIn(m, 'deleted'), ...namesIn(m, 'purged')]) {
    const live = await getCert(r.api, name, { label: `invariant: GetCertificate ${short(name)}` });
    r.check.outcome('AZKV-GET-001', live);
  }
  if (m.softDelete === false) return;
  for (const name of namesIn(m, 'deleted')) {
    const ex = await awaitDeleted(r.api, name);
    r.check.outcome('AZKV-GET-003', ex);
  }
  for (const name of namesIn(m, 'purged')) r.check.outcome('AZKV-PUR-002', await awaitLeftDeleted(r.api, name));
}
