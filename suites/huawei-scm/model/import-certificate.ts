import fc from 'fast-check';
import { huaweiImportBody } from '../../support/certs/import-bodies.ts';
import { build, type CertRecipe } from '../../support/certs/recipe.ts';
import { certificateArb } from '../../support/certs/arbitraries.ts';
import { fingerprintOf } from '../support/certs.ts';
import { certName } from '../support/names.ts';
import { applyImport, expectImport, shortId, type ScmModel } from './model.ts';
import { judge, type ScmReal } from './real.ts';

/**
 * ImportCertificate of a fresh certificate (RSA or EC, CA or leaf, SANs of every kind, CRLF or
 * LF, with or without the final newline). SCM binds a domain to what it holds (SCM.0009 when
 * none), so the CN and the first DNS SAN are a domain name; validity is "now".
 */
export class ImportCertificate implements fc.AsyncCommand<ScmModel, ScmReal> {
  private resolved = '';
  constructor(readonly recipe: CertRecipe) {}

  check = () => true;

  async run(m: ScmModel, r: ScmReal): Promise<void> {
    const cert = await build(this.recipe);
    const body = huaweiImportBody(certName(r.runId, 'model'), cert);
    const fingerprint = fingerprintOf(cert.pem);
    const expected = expectImport(m, fingerprint);
    const { ex, id } = await r.scm.import(body);
    judge(r, ex, expected, (a) => (this.resolved = `${this.recipe.keyAlg}${this.recipe.ca ? ' CA' : ''} -> ${a}${id ? ` id=${shortId(id)}` : ''}`));
    if (ex.status !== 200) return; // an allowed refusal: identical content already held (shrunk recipes repeat)
    r.check.that('HWSCM-IMP-002', id?.length === 16, `certificate_id ${JSON.stringify(id)}`, '16 characters');
    applyImport(m, { id: id!, name: body.name, fingerprint, certificate: body.certificate, privateKey: body.private_key });
  }

  toString = () => `ImportCertificate(${this.resolved || this.recipe.keyAlg})`;
}

const domainLabel = fc.stringMatching(/^[a-z][a-z0-9]{2,12}$/);

export const importCertificateArb = fc
  .tuple(certificateArb({ validity: ['valid'], subjectStyles: ['simple', 'multi-rdn', 'multi-valued'] }), domainLabel)
  .map(([r, label]) => {
    const domain = `${label}.certconform.example`;
    const subject = r.subject.map((rdn) => ('CN' in rdn ? { ...rdn, CN: [domain] } : rdn));
    return new ImportCertificate({ ...r, subject, sans: { ...r.sans, dns: [domain, ...(r.sans.dns ?? [])] } });
  });
