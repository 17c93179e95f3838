import fc from 'fast-check';
import { listAll, type Listing } from '../support/list-all.ts';
import { poll } from '../support/poll.ts';
import type { ScmModel } from './model.ts';
import type { ScmReal } from './real.ts';

type Status = 'ALL' | 'UPLOAD' | undefined;

/**
 * ListCertificates through every page with one documented page size, unfiltered or by status:
 * every held certificate is there as UPLOAD, no deleted one is, and the UPLOAD filter lists
 * nothing else.
 */
export class ListCertificates implements fc.AsyncCommand<ScmModel, ScmReal> {
  private resolved = '';
  constructor(
    readonly limit: 10 | 20 | 50,
    readonly status: Status,
  ) {}

  check = () => true;

  async run(m: ScmModel, r: ScmReal): Promise<void> {
    const live = [...m.live.keys()];
    const deleted = [...m.deleted.keys()];
    const settled = (l: Listing) => live.every((id) => l.byId.has(id)) && !deleted.some((id) => l.byId.has(id));
    const listing = await poll(() => listAll(r.api, { limit: this.limit, status: this.status }), settled);
    this.resolved = ` -> ${listing.pages.map((p) => p.status).join(',')} (${listing.byId.size} listed)`;
    for (const p of listing.pages) r.check.outcome('HWSCM-LST-002', p);
    for (const id of live) {
      const row = listing.byId.get(id);
      r.check.that('HWSCM-LST-002', row?.status === 'UPLOAD', `${id}: ${row ? `status ${row.status}` : 'not listed'}`, 'listed as UPLOAD');
    }
    const still = deleted.filter((id) => listing.byId.has(id));
    r.check.that('HWSCM-DEL-002', still.length === 0, () => `deleted ${still.join(', ')} listed`, 'absent from every page');
    if (this.status !== 'UPLOAD') return;
    const other = [...listing.byId.values()].filter((c) => c.status !== 'UPLOAD');
    r.check.that('HWSCM-LST-003', other.length === 0, () => other.map((c) => `${c.id}:${c.status}`).join(', '), 'only UPLOAD rows');
  }

  toString = () => `ListCertificates(limit=${this.limit}${this.status ? `, status=${this.status}` : ''})${this.resolved}`;
}

export const listCertificatesArb = fc
  .tuple(fc.constantFrom(10 as const, 20 as const, 50 as const), fc.constantFrom<Status>(undefined, 'ALL', 'UPLOAD'))
  .map(([limit, status]) => new ListCertificates(limit, status));
