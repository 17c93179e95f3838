import type { ApiClient, CallOptions } from '../../support/http/client.ts';
import type { Exchange } from '../../support/http/exchange.ts';
import { pollUntil } from './poll.ts';

// One line per operation, so tests read as the API does. Names travel as path parameters.
const byName = (name: string) => ({ path: { 'certificate-name': name } });

export const getCert = (api: ApiClient, name: string, o?: CallOptions) => api.call('GetCertificate', byName(name), o);
export const getVersion = (api: ApiClient, name: string, version: string, o?: CallOptions) =>
  api.call('GetCertificateVersion', { path: { 'certificate-name': name, 'certificate-version': version } }, o);
export const getPolicy = (api: ApiClient, name: string, o?: CallOptions) => api.call('GetCertificatePolicy', byName(name), o);
export const deleteCert = (api: ApiClient, name: string, o?: CallOptions) => api.call('DeleteCertificate', byName(name), o);
export const getDeleted = (api: ApiClient, name: string, o?: CallOptions) => api.call('GetDeletedCertificate', byName(name), o);
export const recoverCert = (api: ApiClient, name: string, o?: CallOptions) => api.call('RecoverDeletedCertificate', byName(name), o);
export const purgeCert = (api: ApiClient, name: string, o?: CallOptions) => api.call('PurgeDeletedCertificate', byName(name), o);

/**
 * A purge while the deletion is still being processed answers 409 Conflict (recorded at 7.0:
 * innererror ObjectIsBeingDeleted) and purges nothing; retried, it answers 204 once processed.
 */
export const beingDeleted = (ex: Exchange) => ex.status === 409;
/** PurgeDeletedCertificate, retried on that 409 within the poll bound: the last answer. */
export const purgeWhenProcessed = (api: ApiClient, name: string, o?: CallOptions) => pollUntil(() => purgeCert(api, name, o), (ex) => !beingDeleted(ex));

/** GetDeletedCertificate until it answers 200 (the deletion has been processed) or the bound passes. */
export const awaitDeleted = (api: ApiClient, name: string) => pollUntil(() => getDeleted(api, name), (ex) => ex.status === 200);
/** GetDeletedCertificate until the name has left the deleted store (404) or the bound passes. */
export const awaitLeftDeleted = (api: ApiClient, name: string) => pollUntil(() => getDeleted(api, name), (ex) => ex.status === 404);
/** GetCertificate until the name is live again (after recover) or the bound passes. */
export const awaitLive = (api: ApiClient, name: string) => pollUntil(() => getCert(api, name), (ex) => ex.status === 200);

/** Every page of a listing, following nextLink (an absolute URL) until it is null or absent. */
export async function listAll(api: ApiClient, operationId: 'GetCertificates' | 'GetDeletedCertificates', maxresults?: number, maxPages = 400): Promise<Exchange[]> {
  const pages = [await api.call(operationId, { query: { maxresults } })];
  for (let next = nextLinkOf(pages[0]!); next && pages.length < maxPages; next = nextLinkOf(pages.at(-1)!)) {
    const url = new URL(next);
    const query = Object.fromEntries(url.searchParams);
    pages.push(await api.call(operationId, { query }));
    if (pages.at(-1)!.status !== 200) break;
  }
  return pages;
}

export function nextLinkOf(ex: Exchange): string | undefined {
  const link = (ex.body as { nextLink?: unknown } | undefined)?.nextLink;
  return typeof link === 'string' && link ? link : undefined;
}

export const itemsOf = (ex: Exchange): Record<string, unknown>[] => {
  const v = (ex.body as { value?: unknown } | undefined)?.value;
  return Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
};
