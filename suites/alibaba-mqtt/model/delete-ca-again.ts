import fc from 'fast-check';
import { deleteCa } from '../support/ca.ts';
import { pick, short, type Model, type Real } from './model.ts';

/** DeleteCaCertificate of a CA this sequence already deleted: FindCaBySnError, model unchanged. */
export class DeleteCaAgain implements fc.AsyncCommand<Model, Real> {
  private resolved = 'DeleteCaCertificate(deleted)';
  constructor(private readonly index: number) {}
  check = (m: Readonly<Model>) => m.deletedCas.size > 0;

  async run(m: Model, r: Real): Promise<void> {
    const sn = pick([...m.deletedCas.keys()], this.index)!;
    const ex = await deleteCa(r.api, r.ledger, sn, 'DeleteCaCertificate (again)');
    this.resolved = `DeleteCaCertificate(Sn=${short(sn)}, deleted) -> ${ex.status}${ex.code ? ` ${ex.code}` : ''}`;
    r.check.outcome('ALIMQTT-DEL-005', ex);
  }

  toString = () => this.resolved;
}

export const deleteCaAgainArb = fc.nat().map((i) => new DeleteCaAgain(i));
