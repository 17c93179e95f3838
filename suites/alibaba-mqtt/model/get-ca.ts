import fc from 'fast-check';
import { pick, short, type Model, type Real } from './model.ts';

/** GetCaCertificate of a live CA: 200 with its Sn, name and the model's status. */
export class GetCa implements fc.AsyncCommand<Model, Real> {
  private resolved = 'GetCaCertificate';
  constructor(private readonly index: number) {}
  check = (m: Readonly<Model>) => m.cas.size > 0;

  async run(m: Model, r: Real): Promise<void> {
    const ca = pick([...m.cas.values()], this.index)!;
    const ex = await r.api.call('GetCaCertificate', { query: { MqttInstanceId: r.instance, Sn: ca.sn } });
    const data = (ex.body as { Data?: { Sn?: string; CaName?: string; Status?: string } } | undefined)?.Data;
    this.resolved = `GetCaCertificate(Sn=${short(ca.sn)}) -> ${ex.status}${ex.code ? ` ${ex.code}` : ''}${data ? ` Status=${data.Status}` : ''}`;
    r.check.outcome('ALIMQTT-GET-001', ex);
    r.check.that('ALIMQTT-GET-001', data?.Sn === ca.sn, `Data.Sn ${JSON.stringify(data?.Sn)}`, `Data.Sn ${ca.sn}`);
    r.check.that('ALIMQTT-STA-003', data?.Status === ca.status, `Status ${JSON.stringify(data?.Status)}`, `Status "${ca.status}" (the last status set)`);
  }

  toString = () => this.resolved;
}

export const getCaArb = fc.nat().map((i) => new GetCa(i));
