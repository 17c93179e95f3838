import { invalidRequest } from './errors.ts';

/** A sort key: items are ordered by comparing keys element by element. */
export type SortKey = (string | number)[];

export interface PageRequest {
  size: number;
  /** The marker (or nextToken) of the previous page. */
  marker?: string;
  descending?: boolean;
}

interface Cursor {
  /** Direction the marker was issued for; a marker only continues its own listing. */
  d: 'asc' | 'desc';
  /** Key of the last item of the previous page. */
  k: SortKey;
}

function compare(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

// Base64 of JSON: opaque to clients, within the model's marker alphabet `[A-Za-z0-9+/]+={0,2}`.
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c), 'utf8').toString('base64');

function decode(marker: string, d: Cursor['d']): Cursor {
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(marker, 'base64').toString('utf8'));
  } catch {
    c = undefined;
  }
  const ok = typeof c === 'object' && c !== null && (c as Cursor).d === d && Array.isArray((c as Cursor).k);
  if (!ok) throw invalidRequest('The marker is not one this listing issued.');
  return c as Cursor;
}

/**
 * One page of `items` ordered by `key`. The marker remembers the last key shown, not a
 * position, so deleting or adding items between pages never repeats or skips the others.
 */
export function paginate<T>(items: T[], key: (t: T) => SortKey, req: PageRequest): { page: T[]; next?: string } {
  const d = req.descending ? 'desc' : 'asc';
  const sign = req.descending ? -1 : 1;
  const sorted = items.map((item) => ({ item, k: key(item) })).sort((a, b) => sign * compare(a.k, b.k));
  const after = req.marker === undefined ? undefined : decode(req.marker, d).k;
  const rest = after ? sorted.filter((e) => sign * compare(e.k, after) > 0) : sorted;
  const page = rest.slice(0, req.size);
  const last = page[page.length - 1];
  return { page: page.map((e) => e.item), next: rest.length > req.size && last ? encode({ d, k: last.k }) : undefined };
}
