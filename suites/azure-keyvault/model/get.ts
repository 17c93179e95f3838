import type fc from 'fast-check';
import { asObj, versionOf } from '../support/bundle.ts';
import { awaitLive, getCert } from '../support/ops.ts';
import { short, stateOf, type KvModel } from './model.ts';
import { predictGet } from './predict.ts';
import { answer, type KvReal } from './real.ts';

/** GetCertificate: the latest version of a live name; 404 for every other state. */
export class GetCommand implements fc.AsyncCommand<KvModel, KvReal> {
  private resolved = '';
  constructor(readonly index: number) {}

  check = () => true;

  async run(m: KvModel, r: KvReal): Promise<void> {
    const name = m.names[this.index]!;
    const state = stateOf(m, name);
    const p = predictGet(m, name);
    const c = m.certs.get(name);
    // After a recover the live GET may lag (the SDK's recover poller): poll within the bound.
    const ex = state === 'live' && c?.recovered ? await awaitLive(r.api, name) : await getCert(r.api, name);
    this.resolved = `(${short(name)}, ${state}) -> ${answer(ex)}`;
    r.check.outcome(p.rule, ex, p.outcomes);
    if (ex.status !== 200 || !c) return;
    const b = asObj(ex.body);
    const latest = c.versions.at(-1);
    r.check.that(p.rule, versionOf(b.id, name) === latest && b.x5t === c.x5t, `id ${JSON.stringify(b.id)}, x5t ${JSON.stringify(b.x5t)}`, `the latest version ${latest}, x5t ${c.x5t}`);
  }

  toString = () => `GetCertificate${this.resolved || `(#${this.index})`}`;
}
