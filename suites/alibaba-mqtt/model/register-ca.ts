import fc from 'fast-check';
import { registerCa } from '../support/ca.ts';
import { addCa, short, type Model, type Real } from './model.ts';

/** Keeps a sequence's footprint on a shared (possibly real) instance small. */
export const MAX_LIVE_CAS = 4;

/** RegisterCaCertificate of a fresh CA: 200 with its Sn, active, no devices yet. */
export class RegisterCa implements fc.AsyncCommand<Model, Real> {
  private resolved = 'RegisterCaCertificate';
  check = (m: Readonly<Model>) => m.cas.size < MAX_LIVE_CAS;

  async run(m: Model, r: Real): Promise<void> {
    const { ex, ca } = await registerCa(r.api, r.ledger, r.runId);
    this.resolved = `RegisterCaCertificate -> ${ex.status}${ex.code ? ` ${ex.code}` : ''}${ca ? ` Sn=${short(ca.sn)}` : ''}`;
    r.check.outcome('ALIMQTT-REG-001', ex);
    r.check.that('ALIMQTT-REG-001', !!ca?.sn, ex.text.slice(0, 200), 'a non-empty Sn');
    r.created.add(ca!.sn);
    r.certs.set(ca!.sn, ca!.cert);
    addCa(m, ca!.sn, ca!.name);
  }

  toString = () => this.resolved;
}

export const registerCaArb = fc.constant(null).map(() => new RegisterCa());
