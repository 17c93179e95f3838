import type fc from 'fast-check';
import { asObj } from '../support/bundle.ts';
import { awaitDeleted, awaitLeftDeleted } from '../support/ops.ts';
import { short, stateOf, type KvModel } from './model.ts';
import { predictGetDeleted } from './predict.ts';
import { answer, type KvReal } from './real.ts';

/** GetDeletedCertificate: 200 with what the delete returned while deleted; 404 otherwise. */
export class GetDeletedCommand implements fc.AsyncCommand<KvModel, KvReal> {
  private resolved = '';
  constructor(readonly index: number) {}

  check = () => true;

  async run(m: KvModel, r: KvReal): Promise<void> {
    const name = m.names[this.index]!;
    const state = stateOf(m, name);
    const p = predictGetDeleted(m, name);
    // The deleted store is eventually consistent both ways: poll towards the predicted answer.
    const ex = state === 'deleted' ? await awaitDeleted(r.api, name) : await awaitLeftDeleted(r.api, name);
    this.resolved = `(${short(name)}, ${state}) -> ${answer(ex)}`;
    r.check.outcome(p.rule, ex, p.outcomes);
    const d = m.certs.get(name)?.deletion;
    if (ex.status !== 200 || !d) return;
    const b = asObj(ex.body);
    const off = (['recoveryId', 'deletedDate', 'id'] as const).filter((k) => b[k] !== d[k]);
    r.check.that('AZKV-GET-003', off.length === 0, off.map((k) => `${k} ${JSON.stringify(b[k])}`).join(', '), off.map((k) => `${k} ${JSON.stringify(d[k])}`).join(', '));
  }

  toString = () => `GetDeletedCertificate${this.resolved || `(#${this.index})`}`;
}
