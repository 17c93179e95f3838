import { badParameter } from './errors.ts';

// Listings page by a marker (the key of the last item sent), as the service's
// `$skiptoken` does: a page boundary survives deletions and imports between two pages.

export const SKIPTOKEN = '$skiptoken';

export function encodeSkiptoken(marker: string): string {
  return Buffer.from(JSON.stringify({ NextMarker: marker })).toString('base64url');
}

export function decodeSkiptoken(token: string): string {
  try {
    const marker = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { NextMarker?: unknown }).NextMarker;
    if (typeof marker === 'string') return marker;
  } catch {
    // fall through to the documented 400
  }
  throw badParameter(`The ${SKIPTOKEN} is invalid.`);
}

/** The items after `marker` (sorted by key), at most `size`, and the marker of the next page. */
export function pageAfter<T>(sorted: T[], key: (t: T) => string, marker: string | undefined, size: number) {
  const rest = marker === undefined ? sorted : sorted.filter((t) => key(t) > marker);
  const items = rest.slice(0, size);
  return { items, next: rest.length > size ? key(items[items.length - 1]!) : undefined };
}

/** An absolute link to the next page, keeping the api-version and page size the client asked for. */
export function nextLink(origin: string, path: string, apiVersion: string, marker: string, maxresults: number): string {
  const q = `api-version=${encodeURIComponent(apiVersion)}&${SKIPTOKEN}=${encodeSkiptoken(marker)}&maxresults=${maxresults}`;
  return `${origin}${path}?${q}`;
}
