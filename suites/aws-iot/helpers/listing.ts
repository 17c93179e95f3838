import type { ApiClient } from '../../support/http/client.ts';
import type { Exchange } from '../../support/http/exchange.ts';

export interface ListedCertificate {
  certificateId: string;
  certificateArn?: string;
  status?: string;
  creationDate?: number;
}

export interface Walk {
  pages: ListedCertificate[][];
  /** The exchange of every page, in order. */
  exchanges: Exchange[];
  /** False when maxPages stopped the walk before the last page. */
  complete: boolean;
}

/**
 * Follows ListCertificates' nextMarker until it is absent (bounded: an account with
 * thousands of certificates is walked up to maxPages, and the walk says it stopped early).
 * A non-200 page ends the walk; callers check the exchanges.
 */
export async function walkCertificates(api: ApiClient, opts: { pageSize?: number; ascending?: boolean; maxPages?: number; label?: string } = {}): Promise<Walk> {
  const walk: Walk = { pages: [], exchanges: [], complete: false };
  let marker: string | undefined;
  while (walk.pages.length < (opts.maxPages ?? 100)) {
    const ex = await api.call('ListCertificates', { query: { pageSize: opts.pageSize, marker, isAscendingOrder: opts.ascending } }, { label: opts.label ?? 'ListCertificates (walk)' });
    walk.exchanges.push(ex);
    if (ex.status !== 200) return walk;
    const body = ex.body as { certificates?: ListedCertificate[]; nextMarker?: string };
    walk.pages.push(body.certificates ?? []);
    marker = body.nextMarker;
    if (!marker) return { ...walk, complete: true };
  }
  return walk;
}

export const allIds = (w: Walk) => w.pages.flat().map((c) => c.certificateId);
