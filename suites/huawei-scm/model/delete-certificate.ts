import fc from 'fast-check';
import { applyDelete, expectDelete, hasTarget, resolveTarget, shortId, type ScmModel, type TargetKind } from './model.ts';
import { judge, type ScmReal } from './real.ts';

/**
 * DeleteCertificate of a held (204, empty body), a deleted (second delete: error) or a
 * never-issued id (error), sometimes with the SDKs' Content-Type: application/json.
 */
export class DeleteCertificate implements fc.AsyncCommand<ScmModel, ScmReal> {
  private resolved = '';
  constructor(
    readonly kind: TargetKind,
    readonly n: number,
    readonly jsonContentType: boolean,
  ) {}

  check = (m: Readonly<ScmModel>) => hasTarget(m, this.kind);

  async run(m: ScmModel, r: ScmReal): Promise<void> {
    const id = resolveTarget(m, this.kind, this.n);
    const expected = expectDelete(m, id);
    const ex = await r.scm.delete(id, this.jsonContentType ? { headers: { 'Content-Type': 'application/json' } } : undefined);
    judge(r, ex, expected, (a) => (this.resolved = `id=${shortId(id)}, ${this.kind}${this.jsonContentType ? ', json' : ''}) -> ${a}`));
    if (!m.live.has(id)) return;
    if (this.jsonContentType) r.check.outcome('HWSCM-DEL-007', ex);
    r.check.that('HWSCM-DEL-001', ex.text === '', `204 with body ${JSON.stringify(ex.text.slice(0, 80))}`, 'an empty body');
    applyDelete(m, id);
  }

  toString = () => `DeleteCertificate(${this.resolved || `${this.kind}#${this.n})`}`;
}

export const deleteCertificateArb = fc
  .tuple(fc.constantFrom<TargetKind>('live', 'live', 'deleted', 'never'), fc.nat(), fc.boolean())
  .map(([kind, n, json]) => new DeleteCertificate(kind, n, json));
