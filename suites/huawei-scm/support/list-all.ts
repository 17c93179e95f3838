import type { ApiClient } from '../../support/http/client.ts';
import type { Exchange } from '../../support/http/exchange.ts';

export interface Listed {
  id?: string;
  name?: string;
  status?: string;
}

export interface Listing {
  /** Every certificate seen on any page, by id. */
  byId: Map<string, Listed>;
  pages: Exchange[];
}

const MAX_PAGES = 60;
const rowsOf = (ex: Exchange): Listed[] => ((ex.body as { certificates?: Listed[] } | undefined)?.certificates ?? []);
const totalOf = (ex: Exchange): number => Number((ex.body as { total_count?: unknown } | undefined)?.total_count ?? 0);

/**
 * Reads every ListCertificates page with one of the documented page sizes. The sources give
 * `offset` only as an integer ("query offset", 0..100), not whether it counts items or pages,
 * so when a second page is needed the answer to offset=1 tells which: it starts with the first
 * page's second row (items) or not (pages). Stops at a short or empty page, at total_count, or
 * after MAX_PAGES. A non-200 page ends the listing (the caller's check reports it).
 */
export async function listAll(api: ApiClient, query: Record<string, string | number | undefined> = {}, label = 'ListCertificates'): Promise<Listing> {
  const limit = Number(query.limit ?? 50);
  const byId = new Map<string, Listed>();
  const pages: Exchange[] = [];
  const page = async (offset: number) => {
    const ex = await api.call('ListCertificates', { query: { ...query, limit, offset } }, { label: `${label} offset=${offset}` });
    pages.push(ex);
    if (ex.status === 200) for (const r of rowsOf(ex)) if (r.id) byId.set(r.id, r);
    return ex;
  };
  const first = await page(0);
  const firstRows = rowsOf(first);
  if (first.status !== 200 || firstRows.length < limit || byId.size >= totalOf(first)) return { byId, pages };
  const done = (ex: Exchange) => ex.status !== 200 || rowsOf(ex).length < limit || byId.size >= totalOf(ex);
  const probe = await page(1);
  const itemOffsets = rowsOf(probe)[0]?.id !== undefined && rowsOf(probe)[0]?.id === firstRows[1]?.id;
  if (!itemOffsets && done(probe)) return { byId, pages };
  const step = itemOffsets ? limit : 1;
  for (let offset = itemOffsets ? limit : 2; pages.length < MAX_PAGES; offset += step) if (done(await page(offset))) break;
  return { byId, pages };
}
