import fc from 'fast-check';
import { readingOf } from '../support/duplicate-check.ts';
import { certName } from '../support/names.ts';
import { applyImport, expectImport, hasTarget, isHeldContent, resolveTarget, shortId, type ScmModel } from './model.ts';
import { judge, type ScmReal } from './real.ts';

/**
 * ImportCertificate of content the sequence already uploaded, under a new name, with
 * duplicate_check true or false: of a held certificate (refused or accepted as the reading
 * the target showed first says) or of a deleted one (no longer held, a plain import either way).
 */
export class ReimportCertificate implements fc.AsyncCommand<ScmModel, ScmReal> {
  private resolved = '';
  constructor(
    readonly of: 'live' | 'deleted',
    readonly n: number,
    readonly duplicateCheck: boolean,
  ) {}

  check = (m: Readonly<ScmModel>) => hasTarget(m, this.of);

  async run(m: ScmModel, r: ScmReal): Promise<void> {
    const source = (this.of === 'live' ? m.live : m.deleted).get(resolveTarget(m, this.of, this.n))!;
    const twin = isHeldContent(m, source.fingerprint);
    const expected = expectImport(m, source.fingerprint, this.duplicateCheck);
    const body = { name: certName(r.runId, 'model-dup'), certificate: source.certificate, private_key: source.privateKey, duplicate_check: this.duplicateCheck };
    const { ex, id } = await r.scm.import(body);
    judge(r, ex, expected, (a) => (this.resolved = `${this.of} ${shortId(source.id)}, duplicate_check=${this.duplicateCheck}) -> ${a}${id ? ` id=${shortId(id)}` : ''}`));
    if (twin) m.duplicateReading ??= readingOf(this.duplicateCheck, ex.status);
    if (id) applyImport(m, { ...source, id, name: body.name });
  }

  toString = () => `ReimportCertificate(${this.resolved || `${this.of}#${this.n}, duplicate_check=${this.duplicateCheck})`}`;
}

export const reimportCertificateArb = fc
  .tuple(fc.constantFrom('live' as const, 'deleted' as const), fc.nat(), fc.boolean())
  .map(([of, n, dc]) => new ReimportCertificate(of, n, dc));
