import type fc from 'fast-check';
import { beingDeleted, purgeCert, purgeWhenProcessed } from '../support/ops.ts';
import { applyPurge, short, stateOf, type KvModel } from './model.ts';
import { predictPurge } from './predict.ts';
import { answer, type KvReal } from './real.ts';

/** PurgeDeletedCertificate: 204 for a deleted name (after retries on 409), 404 for live, absent or purged ones. */
export class PurgeCommand implements fc.AsyncCommand<KvModel, KvReal> {
  private resolved = '';
  constructor(readonly index: number) {}

  // A vault without soft delete has no deleted store; purge is judged by its own test there.
  check = (m: Readonly<KvModel>) => m.softDelete !== false;

  async run(m: KvModel, r: KvReal): Promise<void> {
    const name = m.names[this.index]!;
    const before = stateOf(m, name);
    const p = predictPurge(m, name);
    const first = await purgeCert(r.api, name);
    r.check.outcome(p.rule, first, p.outcomes);
    // 409: the deletion is still being processed; the retried purge must end with 204.
    const ex = before === 'deleted' && beingDeleted(first) ? await purgeWhenProcessed(r.api, name, { label: 'purge, retried on 409' }) : first;
    if (ex !== first) r.check.outcome('AZKV-PUR-001', ex, [{ status: 204 }]);
    this.resolved = `(${short(name)}, ${before}) -> ${answer(first)}${ex !== first ? ` .. ${answer(ex)}` : ''}`;
    if (ex.status !== 204) return;
    r.check.that('AZKV-PUR-001', ex.text === '', `a body of ${ex.text.length} characters`, 'no body');
    r.vault.pending.delete(name);
    applyPurge(m, name);
  }

  toString = () => `PurgeDeletedCertificate${this.resolved || `(#${this.index})`}`;
}
