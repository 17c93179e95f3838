import fc from 'fast-check';
import { describeAnswer } from '../../support/http/exchange.ts';
import { short } from '../helpers/ids.ts';
import { applyReRegister, expectReRegister } from './expectations.ts';
import { pick, type Model } from './model.ts';
import type { Cmd, Real } from './real.ts';

/** The PEM of a known certificate again: 409 naming it while it exists, a fresh record once deleted. */
export class ReRegisterCertificate implements Cmd {
  private text = '';
  constructor(
    readonly cert: number,
    readonly status: string,
  ) {}

  check = (m: Readonly<Model>) => m.certs.length > 0;

  async run(m: Model, r: Real): Promise<void> {
    const c = pick(m.certs, this.cert);
    const want = expectReRegister(c);
    const ex = await r.api.call('RegisterCertificateWithoutCA', { body: { certificatePem: c.pem, status: this.status } }, { label: `RegisterCertificateWithoutCA(again ${short(c.id)})` });
    const body = ex.body as { certificateId?: string; certificateArn?: string; resourceId?: string } | undefined;
    this.text = `RegisterCertificateWithoutCA(again id=${short(c.id)}, ${c.deleted ? 'deleted' : c.status}, ${this.status}) -> ${describeAnswer(ex)}`;
    r.check.outcome(want.rule, ex, want.outcomes);
    if (ex.status === 409) return r.check.that('AWSIOT-REG-002', body?.resourceId === c.id, `resourceId ${String(body?.resourceId)}`, c.id);
    // Same DER, same id (REG-007): the deleted certificate is back under its old id.
    r.check.that('AWSIOT-REG-007', body?.certificateId === c.id, `certificateId ${String(body?.certificateId)}`, c.id);
    applyReRegister(c, this.status);
  }

  toString = () => this.text || `RegisterCertificateWithoutCA(again #${this.cert})`;
}

export const reRegisterCertificate = fc
  .tuple(fc.nat(), fc.constantFrom('ACTIVE', 'INACTIVE'))
  .map(([cert, s]) => new ReRegisterCertificate(cert, s));
