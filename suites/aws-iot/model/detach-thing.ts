import fc from 'fast-check';
import { describeAnswer } from '../../support/http/exchange.ts';
import { short } from '../helpers/ids.ts';
import { OK, pick, type Model } from './model.ts';
import type { Cmd, Real } from './real.ts';

/** DetachThingPrincipal of an attached thing: 200; the detachment may take seconds to propagate. */
export class DetachThing implements Cmd {
  private text = '';
  constructor(
    readonly cert: number,
    readonly thing: number,
  ) {}

  check = (m: Readonly<Model>) => m.certs.length > 0 && pick(m.certs, this.cert).things.size > 0;

  async run(m: Model, r: Real): Promise<void> {
    const c = pick(m.certs, this.cert);
    const t = pick([...c.things], this.thing);
    const ex = await r.api.call('DetachThingPrincipal', { path: { thingName: t }, headers: { 'x-amzn-principal': c.arn } }, { label: `DetachThingPrincipal(${t}, ${short(c.id)})` });
    this.text = `DetachThingPrincipal(${t.split('-').pop()}, id=${short(c.id)}) -> ${describeAnswer(ex)}`;
    r.check.outcome('AWSIOT-ATT-006', ex, [OK]);
    c.things.delete(t);
    c.detachedAt = Date.now();
  }

  toString = () => this.text || `DetachThingPrincipal(#${this.thing}, #${this.cert})`;
}

export const detachThing = fc.tuple(fc.nat(), fc.nat()).map(([c, t]) => new DetachThing(c, t));
