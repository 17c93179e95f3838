import fc from 'fast-check';
import { describeAnswer } from '../../support/http/exchange.ts';
import { short } from '../helpers/ids.ts';
import { OK, pick, type Model } from './model.ts';
import type { Cmd, Real } from './real.ts';

/** AttachPolicy to a live certificate: 200; attaching again is a no-op (ATT-003). */
export class AttachPolicy implements Cmd {
  private text = '';
  constructor(
    readonly cert: number,
    readonly policy: number,
  ) {}

  check = (m: Readonly<Model>) => m.certs.length > 0 && m.policies.length > 0 && !pick(m.certs, this.cert).deleted;

  async run(m: Model, r: Real): Promise<void> {
    const c = pick(m.certs, this.cert);
    const p = pick(m.policies, this.policy);
    const again = c.policies.has(p);
    const ex = await r.api.call('AttachPolicy', { path: { policyName: p }, body: { target: c.arn } }, { label: `AttachPolicy(${p}, ${short(c.id)})` });
    this.text = `AttachPolicy(${p.split('-').pop()}, id=${short(c.id)}${again ? ', again' : ''}) -> ${describeAnswer(ex)}`;
    r.check.outcome(again ? 'AWSIOT-ATT-003' : 'AWSIOT-ATT-005', ex, [OK]);
    c.policies.add(p);
  }

  toString = () => this.text || `AttachPolicy(#${this.policy}, #${this.cert})`;
}

export const attachPolicy = fc.tuple(fc.nat(), fc.nat()).map(([c, p]) => new AttachPolicy(c, p));
