import fc from 'fast-check';
import { pick, short, type Model, type Real, type Status } from './model.ts';

const OP = { '0': ['InactivateCaCertificate', 'ALIMQTT-STA-001'], '1': ['ActiveCaCertificate', 'ALIMQTT-STA-002'] } as const;

/** InactivateCaCertificate / ActiveCaCertificate of a live CA (either way, from either state). */
export class SetCaStatus implements fc.AsyncCommand<Model, Real> {
  private resolved: string;
  constructor(private readonly index: number, private readonly status: Status) {
    this.resolved = OP[status][0];
  }
  check = (m: Readonly<Model>) => m.cas.size > 0;

  async run(m: Model, r: Real): Promise<void> {
    const ca = pick([...m.cas.values()], this.index)!;
    const [op, rule] = OP[this.status];
    const ex = await r.api.call(op, { query: { MqttInstanceId: r.instance, Sn: ca.sn } });
    this.resolved = `${op}(Sn=${short(ca.sn)}, was ${ca.status}) -> ${ex.status}${ex.code ? ` ${ex.code}` : ''}`;
    r.check.outcome(rule, ex);
    const sn = (ex.body as { Sn?: string }).Sn;
    r.check.that(rule, sn === ca.sn, `Sn ${JSON.stringify(sn)}`, `Sn ${ca.sn}`);
    ca.status = this.status;
  }

  toString = () => this.resolved;
}

export const setCaStatusArb = fc.tuple(fc.nat(), fc.constantFrom<Status>('0', '1')).map(([i, s]) => new SetCaStatus(i, s));
