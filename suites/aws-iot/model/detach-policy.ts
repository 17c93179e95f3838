import fc from 'fast-check';
import { describeAnswer } from '../../support/http/exchange.ts';
import { short } from '../helpers/ids.ts';
import { OK, pick, type Model } from './model.ts';
import type { Cmd, Real } from './real.ts';

/** DetachPolicy of an attached policy: 200 (detaching what is not attached is undocumented). */
export class DetachPolicy implements Cmd {
  private text = '';
  constructor(
    readonly cert: number,
    readonly policy: number,
  ) {}

  check = (m: Readonly<Model>) => m.certs.length > 0 && pick(m.certs, this.cert).policies.size > 0;

  async run(m: Model, r: Real): Promise<void> {
    const c = pick(m.certs, this.cert);
    const p = pick([...c.policies], this.policy);
    const ex = await r.api.call('DetachPolicy', { path: { policyName: p }, body: { target: c.arn } }, { label: `DetachPolicy(${p}, ${short(c.id)})` });
    this.text = `DetachPolicy(${p.split('-').pop()}, id=${short(c.id)}) -> ${describeAnswer(ex)}`;
    r.check.outcome('AWSIOT-ATT-005', ex, [OK]);
    c.policies.delete(p);
    c.detachedAt = Date.now();
  }

  toString = () => this.text || `DetachPolicy(#${this.policy}, #${this.cert})`;
}

export const detachPolicy = fc.tuple(fc.nat(), fc.nat()).map(([c, p]) => new DetachPolicy(c, p));
