import { listAll, type Listing } from '../support/list-all.ts';
import { poll } from '../support/poll.ts';
import type { ScmModel } from './model.ts';
import type { ScmReal } from './real.ts';

/**
 * The deletion invariants, after every command, for every certificate the sequence deleted:
 * no listing page has it (DEL-002, the MUST, checked first), ShowCertificate is an error
 * (DEL-003), a further delete is an error (DEL-004); and every held certificate is listed (LST-002).
 */
export async function invariants(m: ScmModel, r: ScmReal): Promise<void> {
  const deleted = [...m.deleted.keys()];
  const live = [...m.live.keys()];
  const settled = (l: Listing) => live.every((id) => l.byId.has(id)) && !deleted.some((id) => l.byId.has(id));
  const listing = await poll(() => listAll(r.api, { limit: 50 }, 'invariant: ListCertificates'), settled, 3, 150);
  const still = deleted.filter((id) => listing.byId.has(id));
  r.check.that('HWSCM-DEL-002', still.length === 0, () => `deleted ${still.join(', ')} listed`, 'absent from every page');
  const missing = live.filter((id) => !listing.byId.has(id));
  r.check.that('HWSCM-LST-002', missing.length === 0, () => `held ${missing.join(', ')} not listed`, 'every held certificate listed');
  for (const id of deleted) {
    r.check.outcome('HWSCM-DEL-003', await r.scm.show(id, { label: 'invariant: ShowCertificate of a deleted id' }));
    r.check.outcome('HWSCM-DEL-004', await r.scm.delete(id, { label: 'invariant: DeleteCertificate of a deleted id' }));
  }
}
