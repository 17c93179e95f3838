import { abnormalCertificateId, chainIssuerMismatch, duplicateCertificate, incorrectParameter } from './errors.ts';
import { parseCertificates } from './certificate.ts';
import { factsOf } from './facts.ts';
import { nextCertificateId } from './ids.ts';
import { selectPage, type ListQuery } from './list.ts';
import { checkPrivateKey } from './private-key.ts';
import type { CertRecord, ScmState } from './state.ts';
import { detailView, showView } from './views.ts';

/** ImportCertificate's body as the spec validated it. */
export interface ImportBody {
  name: string;
  certificate: string;
  private_key: string;
  certificate_chain?: string;
  duplicate_check?: boolean;
  enterprise_project_id?: string;
  enc_certificate?: string;
  enc_private_key?: string;
}

/**
 * SCM semantics, no HTTP. Every operation validates first and then changes the state in one
 * synchronous step, so a failed import leaves nothing behind and no other request interleaves.
 */
export function importCertificate(state: ScmState, body: ImportBody, now: number): { certificate_id: string } {
  // `certificate` may carry its chain; certificate_chain, when given, wins (import page).
  const [leaf, ...inline] = parseCertificates(body.certificate, 'certificate');
  const chain = body.certificate_chain?.trim() ? parseCertificates(body.certificate_chain, 'certificate_chain') : inline;
  const facts = factsOf(leaf);
  checkPrivateKey(body.private_key, 'private_key', leaf);
  if (chain[0] && chain[0].subject !== leaf.issuer) throw chainIssuerMismatch();
  // The SM2 encryption pair (dual-certificate upload) is checked like the signing pair.
  if ((body.enc_certificate === undefined) !== (body.enc_private_key === undefined)) {
    throw incorrectParameter('enc_certificate and enc_private_key go together.');
  }
  if (body.enc_certificate !== undefined && body.enc_private_key !== undefined) {
    checkPrivateKey(body.enc_private_key, 'enc_private_key', parseCertificates(body.enc_certificate, 'enc_certificate')[0]);
  }
  // true refuses a twin, as the SDK model says (rules HWSCM-IMP-006/009); the API page words
  // true/false the other way round. Absent allows it: the sources give no default.
  const twin = [...state.certificates.values()].find((r) => r.facts.identity === facts.identity);
  if (twin && body.duplicate_check === true) throw duplicateCertificate(twin.id);

  const record: CertRecord = {
    id: nextCertificateId(state, now),
    name: body.name,
    status: 'UPLOAD',
    enterpriseProjectId: body.enterprise_project_id && body.enterprise_project_id !== 'all' ? body.enterprise_project_id : '0',
    certificate: leaf.toString('pem'),
    chain: chain.map((c) => c.toString('pem')),
    facts,
    createdAt: now,
    updatedAt: now,
  };
  state.certificates.set(record.id, record);
  return { certificate_id: record.id };
}

function find(state: ScmState, id: string): CertRecord {
  const record = state.certificates.get(id);
  // Reference §4.1: an unknown id "most plausibly" gives 400 SCM.0008; ShowCertificate
  // documents no 404, so both operations answer alike.
  if (!record) throw abnormalCertificateId(`No certificate ${JSON.stringify(id)}.`);
  return record;
}

export const showCertificate = (state: ScmState, id: string) => showView(find(state, id));

export function listCertificates(state: ScmState, query: ListQuery, now: number) {
  const { page, total } = selectPage(state.certificates.values(), query, now);
  return { certificates: page.map((r) => detailView(r, state.domainId)), total_count: total };
}

export function deleteCertificate(state: ScmState, id: string): void {
  state.certificates.delete(find(state, id).id);
}
