import fc from 'fast-check';
import { listDevicesByCa } from '../support/pages.ts';
import { pick, short, type Model, type Real } from './model.ts';

/**
 * ListDeviceCertificateByCaSn of a CA the sequence registered: a live CA lists exactly the
 * model's devices with their statuses; a deleted one lists none (or is not found).
 */
export class ListDevicesByCa implements fc.AsyncCommand<Model, Real> {
  private resolved = 'ListDeviceCertificateByCaSn';
  constructor(private readonly index: number) {}
  check = (m: Readonly<Model>) => m.cas.size + m.deletedCas.size > 0;

  async run(m: Model, r: Real): Promise<void> {
    const sn = pick([...m.cas.keys(), ...m.deletedCas.keys()], this.index)!;
    const ca = m.cas.get(sn);
    const walk = await listDevicesByCa(r.api, sn);
    const got = walk.entries.map((d) => `${d.DeviceSn}:${d.Status}`).sort();
    this.resolved = `ListDeviceCertificateByCaSn(CaSn=${short(sn)}, ${ca ? 'live' : 'deleted'}) -> ${walk.failed ? `${walk.failed.status} ${walk.failed.code ?? ''}` : `${got.length} devices`}`;
    if (!ca) {
      if (walk.failed) return r.check.outcome('ALIMQTT-DEV-001', walk.failed);
      return r.check.that('ALIMQTT-DEV-001', got.length === 0, `listed ${got.join(', ')}`, 'no device certificate');
    }
    if (walk.failed) r.check.outcome('ALIMQTT-DEV-004', walk.failed);
    const want = [...ca.devices].map(([d, s]) => `${d}:${s}`).sort();
    r.check.that('ALIMQTT-LST-004', walk.entries.every((d) => d.CaSn === sn), 'an entry of another CA', `every CaSn ${sn}`);
    r.check.that('ALIMQTT-DEV-004', got.join() === want.join(), `listed ${got.join(', ') || 'nothing'}`, `exactly ${want.join(', ') || 'nothing'}`);
  }

  toString = () => this.resolved;
}

export const listDevicesByCaArb = fc.nat().map((i) => new ListDevicesByCa(i));
