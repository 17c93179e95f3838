import type { HostContext } from '../../host/types.ts';
import { atEntry, entries, FixtureError, type FixtureAdapter, type Section } from '../../state/adapter.ts';
import { checkSpec } from '../../state/spec-check.ts';
import { parseCertificates } from './certificate.ts';
import { chainIssuerMismatch } from './errors.ts';
import { factsOf } from './facts.ts';
import { nextCertificateId } from './ids.ts';
import { checkPrivateKey } from './private-key.ts';
import type { CertRecord, ScmState } from './state.ts';

// The huawei-scm section of a state file (mock/state/state.schema.json), in ImportCertificate's
// member names. The certificate and its chain are read as an import reads them; the private
// key is checked when given and never kept (nor written back).

interface CertificateEntry {
  id?: string;
  name: string;
  certificate: string;
  private_key?: string;
  certificate_chain?: string;
  enterprise_project_id?: string;
  created_at?: number;
  updated_at?: number;
}

const BODY = '#/components/schemas/ImportCertificateRequestBody/properties';
const ID = '#/components/parameters/CertificateIdDelete/schema';
/** The timestamp an id `scs` + 13 digits spent (ids.ts), so new ids never reuse it. */
const idMs = (id: string) => (/^scs\d{13}$/.test(id) ? Number(id.slice(3)) : 0);

async function recordOf(e: CertificateEntry, ctx: HostContext, ptr: string): Promise<Omit<CertRecord, 'id'>> {
  checkSpec(ctx.spec, `${BODY}/name`, e.name, `${ptr}/name`);
  if (e.enterprise_project_id !== undefined) checkSpec(ctx.spec, `${BODY}/enterprise_project_id`, e.enterprise_project_id, `${ptr}/enterprise_project_id`);
  const [leaf, ...inline] = await atEntry(`${ptr}/certificate`, () => parseCertificates(e.certificate, 'certificate'));
  const chain = e.certificate_chain?.trim() ? await atEntry(`${ptr}/certificate_chain`, () => parseCertificates(e.certificate_chain!, 'certificate_chain')) : inline;
  const facts = await atEntry(`${ptr}/certificate`, () => factsOf(leaf));
  if (e.private_key !== undefined) await atEntry(`${ptr}/private_key`, () => checkPrivateKey(e.private_key!, 'private_key', leaf));
  if (chain[0] && chain[0].subject !== leaf.issuer) throw new FixtureError(`${ptr}/certificate_chain`, chainIssuerMismatch().message);
  const createdAt = e.created_at ?? ctx.clock.now();
  return {
    name: e.name,
    status: 'UPLOAD',
    enterpriseProjectId: e.enterprise_project_id && e.enterprise_project_id !== 'all' ? e.enterprise_project_id : '0',
    certificate: leaf.toString('pem'),
    chain: chain.map((c) => c.toString('pem')),
    facts,
    createdAt,
    updatedAt: e.updated_at ?? createdAt,
  };
}

async function fill(state: ScmState, section: Section, ctx: HostContext, at: string): Promise<void> {
  const list = entries<CertificateEntry>(section, 'certificates', at);
  // Ids the file names are spent first, so the ones drawn for the others cannot collide.
  state.lastIdMs = Math.max(Number(section.lastIdMs ?? 0), ...list.map(([e]) => idMs(e.id ?? '')));
  for (const [e, ptr] of list) {
    if (e.id !== undefined) checkSpec(ctx.spec, ID, e.id, `${ptr}/id`);
    const record = await recordOf(e, ctx, ptr);
    const id = e.id ?? nextCertificateId(state, record.createdAt);
    if (state.certificates.has(id)) throw new FixtureError(`${ptr}/id`, `certificate ${id} is listed twice`);
    state.certificates.set(id, { id, ...record });
  }
}

function dump(state: ScmState): Section {
  return {
    lastIdMs: state.lastIdMs,
    certificates: [...state.certificates.values()].map((r) => ({
      id: r.id,
      name: r.name,
      certificate: r.certificate,
      ...(r.chain.length ? { certificate_chain: r.chain.join('\n') } : {}),
      enterprise_project_id: r.enterpriseProjectId,
      created_at: r.createdAt,
      updated_at: r.updatedAt,
    })),
  };
}

export const huaweiScmFixtures: FixtureAdapter<ScmState> = { fill, dump, keys: { certificates: (e: CertificateEntry) => e.id! } };
