import type { Checker } from '../../support/checks/checker.ts';
import type { ApiClient } from '../../support/http/client.ts';
import { listAll, type Listing } from './list-all.ts';
import { poll } from './poll.ts';

/** The documented page sizes: a deleted certificate must be absent whichever one is used. */
export const PAGE_SIZES = [10, 20, 50] as const;

/**
 * HWSCM-DEL-002 for some deleted ids: absent from every page of a full listing with the
 * given page size (re-read a few times first, in case the target is eventually consistent).
 */
export async function checkAbsentFromList(api: ApiClient, check: Checker, deleted: string[], limit: number = 50): Promise<Listing> {
  const still = (l: Listing) => deleted.filter((id) => l.byId.has(id));
  const listing = await poll(() => listAll(api, { limit }, `ListCertificates limit=${limit}`), (l) => still(l).length === 0);
  for (const p of listing.pages) check.that('HWSCM-DEL-002', p.status === 200, `${p.status} from ${p.label}`, '200 with the page');
  check.that('HWSCM-DEL-002', still(listing).length === 0, () => `deleted ${still(listing).join(', ')} still listed (limit=${limit}, ${listing.pages.length} pages)`, 'absent from every page');
  return listing;
}
