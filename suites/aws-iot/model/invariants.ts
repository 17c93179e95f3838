import { allIds, walkCertificates } from '../helpers/listing.ts';
import { short } from '../helpers/ids.ts';
import { NOT_FOUND, type Model } from './model.ts';
import type { Real } from './real.ts';

/**
 * The deletion invariants, after every command: a deleted certificate is 404 to
 * DescribeCertificate (DEL-008) and to a second delete (DEL-010), is in no page of
 * ListCertificates (DEL-009), and a forced delete took its policy attachments along (DEL-006).
 */
export async function deletionInvariants(m: Model, r: Real): Promise<void> {
  const deleted = m.certs.filter((c) => c.deleted);
  if (!deleted.length) return;
  for (const c of deleted) {
    r.check.outcome('AWSIOT-DEL-008', await r.api.call('DescribeCertificate', { path: { certificateId: c.id } }, { label: `invariant: describe deleted ${short(c.id)}` }), [NOT_FOUND]);
    r.check.outcome('AWSIOT-DEL-010', await r.api.call('DeleteCertificate', { path: { certificateId: c.id } }, { label: `invariant: delete deleted ${short(c.id)}` }), [NOT_FOUND]);
    if (!c.cascaded.length) continue;
    const ex = await r.api.call('ListAttachedPolicies', { path: { target: c.arn } }, { label: `invariant: policies of deleted ${short(c.id)}` });
    r.check.outcome('AWSIOT-DEL-006', ex);
    const names = ex.status === 200 ? ((ex.body as { policies?: { policyName: string }[] })?.policies ?? []).map((p) => p.policyName) : [];
    const left = names.filter((n) => c.cascaded.includes(n));
    r.check.that('AWSIOT-DEL-006', left.length === 0, `still attached to the deleted certificate: ${left.join(', ')}`, 'none of its policies');
  }
  const walk = await walkCertificates(r.api, { pageSize: 250, label: 'invariant: ListCertificates' });
  const bad = walk.exchanges.find((e) => e.status !== 200);
  r.check.that('AWSIOT-DEL-009', !bad, () => `ListCertificates ${bad?.status} ${bad?.code ?? ''}`, '200 on every page');
  const ids = new Set(allIds(walk));
  const listed = deleted.filter((c) => ids.has(c.id)).map((c) => c.id);
  r.check.that('AWSIOT-DEL-009', listed.length === 0, `listed after their delete: ${listed.join(', ')}`, 'no deleted certificate in any page');
}
