import type { ApiClient } from '../support/http/client.ts';
import type { LedgerEntry } from '../support/ledger.ts';
import { poll } from './helpers/poll.ts';

// Teardown calls are not conformance checks: contract off, so a quirk never hides the cleanup.
const quiet = { contract: false, label: 'cleanup' } as const;

/** Detach every thing and policy, set INACTIVE, force-delete (polling while detachments propagate). */
async function deleteCertificate(api: ApiClient, id: string, arn: string | undefined): Promise<string> {
  const described = await api.call('DescribeCertificate', { path: { certificateId: id } }, quiet);
  if (described.status === 404) return 'gone';
  const principal = arn ?? (described.body as { certificateDescription?: { certificateArn?: string } })?.certificateDescription?.certificateArn;
  if (principal) {
    const things = await api.call('ListPrincipalThings', { headers: { 'x-amzn-principal': principal }, query: { maxResults: 250 } }, quiet);
    for (const t of (things.body as { things?: string[] })?.things ?? []) {
      await api.call('DetachThingPrincipal', { path: { thingName: t }, headers: { 'x-amzn-principal': principal } }, quiet);
    }
  }
  await api.call('UpdateCertificate', { path: { certificateId: id }, query: { newStatus: 'INACTIVE' } }, quiet);
  const del = await poll(
    () => api.call('DeleteCertificate', { path: { certificateId: id }, query: { forceDelete: true } }, quiet),
    (ex) => ex.status === 409,
  );
  if (del.status === 200) return 'deleted';
  if (del.status === 404) return 'gone';
  return `DeleteCertificate answered ${del.status} ${del.code ?? ''}`.trim();
}

async function deleteThing(api: ApiClient, name: string): Promise<string> {
  const described = await api.call('DescribeThing', { path: { thingName: name } }, quiet);
  if (described.status === 404) return 'gone';
  const principals = await api.call('ListThingPrincipals', { path: { thingName: name }, query: { maxResults: 250 } }, quiet);
  for (const p of (principals.body as { principals?: string[] })?.principals ?? []) {
    await api.call('DetachThingPrincipal', { path: { thingName: name }, headers: { 'x-amzn-principal': p } }, quiet);
  }
  const del = await api.call('DeleteThing', { path: { thingName: name } }, quiet);
  return del.status === 200 ? 'deleted' : `DeleteThing answered ${del.status} ${del.code ?? ''}`.trim();
}

async function deletePolicy(api: ApiClient, name: string): Promise<string> {
  const del = await api.call('DeletePolicy', { path: { policyName: name } }, quiet);
  if (del.status === 200) return 'deleted';
  if (del.status === 404) return 'gone';
  // AWS: after a detach it can take up to five minutes before a policy can be deleted.
  return `DeletePolicy answered ${del.status} ${del.code ?? ''} (an attachment may still be propagating: run cleanup again later)`;
}

/**
 * Deletes one ledger entry's resource on an aws-iot target (used by `certconform cleanup`
 * and by the suite's own teardown): certificates by id (extra.arn when known), things and
 * policies by name. Returns 'deleted', 'gone' (already absent) or why it could not.
 */
export async function cleanup(api: ApiClient, entry: LedgerEntry): Promise<'deleted' | 'gone' | string> {
  switch (entry.kind) {
    case 'certificate':
      return deleteCertificate(api, entry.id, entry.extra?.arn);
    case 'thing':
      return deleteThing(api, entry.id);
    case 'policy':
      return deletePolicy(api, entry.id);
    default:
      return `unknown aws-iot resource kind '${entry.kind}'`;
  }
}
