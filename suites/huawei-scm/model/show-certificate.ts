import fc from 'fast-check';
import { expectShow, hasTarget, resolveTarget, shortId, type ScmModel, type TargetKind } from './model.ts';
import { judge, type ScmReal } from './real.ts';

/** ShowCertificate of a held, a deleted or a never-issued id; a held one is itself and UPLOAD. */
export class ShowCertificate implements fc.AsyncCommand<ScmModel, ScmReal> {
  private resolved = '';
  constructor(
    readonly kind: TargetKind,
    readonly n: number,
  ) {}

  check = (m: Readonly<ScmModel>) => hasTarget(m, this.kind);

  async run(m: ScmModel, r: ScmReal): Promise<void> {
    const id = resolveTarget(m, this.kind, this.n);
    const ex = await r.scm.show(id);
    judge(r, ex, expectShow(m, id), (a) => (this.resolved = `id=${shortId(id)}, ${this.kind}) -> ${a}`));
    if (!m.live.has(id)) return;
    const got = ex.body as { id?: string; status?: string; name?: string };
    r.check.that('HWSCM-IMP-002', got.id === id, `id ${JSON.stringify(got.id)}`, `id ${id}`);
    r.check.that('HWSCM-IMP-003', got.status === 'UPLOAD', `status ${JSON.stringify(got.status)}`, 'UPLOAD');
  }

  toString = () => `ShowCertificate(${this.resolved || `${this.kind}#${this.n})`}`;
}

export const showCertificateArb = fc
  .tuple(fc.constantFrom<TargetKind>('live', 'deleted', 'never'), fc.nat())
  .map(([kind, n]) => new ShowCertificate(kind, n));
