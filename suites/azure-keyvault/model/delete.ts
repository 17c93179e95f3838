import type fc from 'fast-check';
import { asObj } from '../support/bundle.ts';
import { deleteCert } from '../support/ops.ts';
import { applyDelete, short, stateOf, type KvModel } from './model.ts';
import { predictDelete } from './predict.ts';
import { answer, type KvReal } from './real.ts';

/** DeleteCertificate: 200 with the deleted bundle for a live name, 404 otherwise. */
export class DeleteCommand implements fc.AsyncCommand<KvModel, KvReal> {
  private resolved = '';
  constructor(readonly index: number) {}

  check = () => true;

  async run(m: KvModel, r: KvReal): Promise<void> {
    const name = m.names[this.index]!;
    const before = stateOf(m, name);
    const p = predictDelete(m, name);
    const ex = await deleteCert(r.api, name);
    this.resolved = `(${short(name)}, ${before}) -> ${answer(ex)}`;
    if (ex.status === 200) r.vault.pending.add(name);
    r.check.outcome(p.rule, ex, p.outcomes);
    if (ex.status !== 200) return;
    const b = asObj(ex.body);
    const c = m.certs.get(name)!;
    // The deleted bundle is the latest version of what was live: its id (DEL-003), its x5t (DEL-020).
    const latest = c.versions.at(-1)!;
    const idOk = typeof b.id === 'string' && b.id.endsWith(`/certificates/${name}/${latest}`);
    r.check.that('AZKV-DEL-003', idOk, `id ${JSON.stringify(b.id)}`, `id .../certificates/${name}/${latest}`);
    r.check.that('AZKV-DEL-020', b.x5t === c.x5t, `x5t ${JSON.stringify(b.x5t)}`, `x5t ${c.x5t}`);
    applyDelete(m, name, { recoveryId: b.recoveryId, deletedDate: b.deletedDate, id: b.id });
  }

  toString = () => `DeleteCertificate${this.resolved || `(#${this.index})`}`;
}
