import fc from 'fast-check';
import { deleteCa as deleteOnTarget } from '../support/ca.ts';
import { deleteCa, liveCas, pick, short, type Model, type Real } from './model.ts';

/** DeleteCaCertificate of a live CA: 200 echoing the Sn; the model drops it and its devices. */
export class DeleteCa implements fc.AsyncCommand<Model, Real> {
  private resolved = 'DeleteCaCertificate(live)';
  constructor(private readonly index: number) {}
  check = (m: Readonly<Model>) => m.cas.size > 0;

  async run(m: Model, r: Real): Promise<void> {
    const ca = pick(liveCas(m), this.index)!;
    const ex = await deleteOnTarget(r.api, r.ledger, ca.sn);
    this.resolved = `DeleteCaCertificate(Sn=${short(ca.sn)}, ${ca.status === '1' ? 'active' : 'inactive'}, ${ca.devices.size} devices) -> ${ex.status}${ex.code ? ` ${ex.code}` : ''}`;
    r.check.outcome('ALIMQTT-DEL-001', ex);
    const sn = (ex.body as { Sn?: string }).Sn;
    r.check.that('ALIMQTT-DEL-001', sn === ca.sn, `Sn ${JSON.stringify(sn)}`, `Sn ${ca.sn}`);
    r.check.that('ALIMQTT-FMT-005', !('Code' in (ex.body as object)), ex.text.slice(0, 200), 'no Code member on success');
    deleteCa(m, ca.sn);
  }

  toString = () => this.resolved;
}

export const deleteCaArb = fc.nat().map((i) => new DeleteCa(i));
