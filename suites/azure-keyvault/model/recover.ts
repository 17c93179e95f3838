import type fc from 'fast-check';
import { asObj } from '../support/bundle.ts';
import { recoverCert } from '../support/ops.ts';
import { applyRecover, short, stateOf, type KvModel } from './model.ts';
import { predictRecover } from './predict.ts';
import { answer, type KvReal } from './real.ts';

/** RecoverDeletedCertificate of a name that went through delete (deleted, or purged since). */
export class RecoverCommand implements fc.AsyncCommand<KvModel, KvReal> {
  private resolved = '';
  constructor(readonly index: number) {}

  check = (m: Readonly<KvModel>) => m.softDelete !== false && ['deleted', 'purged'].includes(stateOf(m as KvModel, m.names[this.index]!));

  async run(m: KvModel, r: KvReal): Promise<void> {
    const name = m.names[this.index]!;
    const before = stateOf(m, name);
    const p = predictRecover(m, name);
    const ex = await recoverCert(r.api, name);
    this.resolved = `(${short(name)}, ${before}) -> ${answer(ex)}`;
    if (ex.status === 200) r.vault.pending.delete(name);
    r.check.outcome(p.rule, ex, p.outcomes);
    if (ex.status !== 200) return;
    const b = asObj(ex.body);
    const d = m.certs.get(name)!;
    r.check.that('AZKV-REC-001', b.id === d.deletion?.id && b.x5t === d.x5t, `id ${JSON.stringify(b.id)}, x5t ${JSON.stringify(b.x5t)}`, `the deleted bundle's id ${JSON.stringify(d.deletion?.id)}, x5t ${d.x5t}`);
    applyRecover(m, name);
  }

  toString = () => `RecoverDeletedCertificate${this.resolved || `(#${this.index})`}`;
}
