import fc from 'fast-check';
import { describeAnswer } from '../../support/http/exchange.ts';
import { short } from '../helpers/ids.ts';
import { expectUpdate } from './expectations.ts';
import { pick, type Model } from './model.ts';
import type { Cmd, Real } from './real.ts';

export class UpdateCertificate implements Cmd {
  private text = '';
  constructor(
    readonly cert: number,
    readonly newStatus: string,
  ) {}

  check = (m: Readonly<Model>) => m.certs.length > 0;

  async run(m: Model, r: Real): Promise<void> {
    const c = pick(m.certs, this.cert);
    const want = expectUpdate(c, this.newStatus);
    const ex = await r.api.call('UpdateCertificate', { path: { certificateId: c.id }, query: { newStatus: this.newStatus } }, { label: `UpdateCertificate(${short(c.id)}, ${this.newStatus})` });
    this.text = `UpdateCertificate(id=${short(c.id)}, ${c.deleted ? 'deleted' : c.status} -> ${this.newStatus}) -> ${describeAnswer(ex)}`;
    r.check.outcome(want.rule, ex, want.outcomes);
    if (ex.status === 200) c.status = this.newStatus;
  }

  toString = () => this.text || `UpdateCertificate(#${this.cert}, ${this.newStatus})`;
}

export const updateCertificate = fc
  .tuple(fc.nat(), fc.constantFrom('ACTIVE', 'INACTIVE', 'INACTIVE', 'REVOKED', 'PENDING_TRANSFER', 'PENDING_ACTIVATION'))
  .map(([cert, s]) => new UpdateCertificate(cert, s));
