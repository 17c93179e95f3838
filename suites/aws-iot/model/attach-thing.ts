import fc from 'fast-check';
import { describeAnswer } from '../../support/http/exchange.ts';
import { short } from '../helpers/ids.ts';
import { OK, pick, type Model } from './model.ts';
import type { Cmd, Real } from './real.ts';

/** AttachThingPrincipal of a live certificate: 200 ({}); again is a no-op (ATT-003). */
export class AttachThing implements Cmd {
  private text = '';
  constructor(
    readonly cert: number,
    readonly thing: number,
  ) {}

  check = (m: Readonly<Model>) => m.certs.length > 0 && m.things.length > 0 && !pick(m.certs, this.cert).deleted;

  async run(m: Model, r: Real): Promise<void> {
    const c = pick(m.certs, this.cert);
    const t = pick(m.things, this.thing);
    const again = c.things.has(t);
    const ex = await r.api.call('AttachThingPrincipal', { path: { thingName: t }, headers: { 'x-amzn-principal': c.arn } }, { label: `AttachThingPrincipal(${t}, ${short(c.id)})` });
    this.text = `AttachThingPrincipal(${t.split('-').pop()}, id=${short(c.id)}${again ? ', again' : ''}) -> ${describeAnswer(ex)}`;
    r.check.outcome(again ? 'AWSIOT-ATT-003' : 'AWSIOT-ATT-006', ex, [OK]);
    c.things.add(t);
  }

  toString = () => this.text || `AttachThingPrincipal(#${this.thing}, #${this.cert})`;
}

export const attachThing = fc.tuple(fc.nat(), fc.nat()).map(([c, t]) => new AttachThing(c, t));
