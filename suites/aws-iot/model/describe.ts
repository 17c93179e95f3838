import fc from 'fast-check';
import { describeAnswer } from '../../support/http/exchange.ts';
import { short } from '../helpers/ids.ts';
import { NOT_FOUND, OK, pick, type Model } from './model.ts';
import type { Cmd, Real } from './real.ts';

/** DescribeCertificate: a live certificate with the status the model holds; a deleted one 404. */
export class DescribeCertificate implements Cmd {
  private text = '';
  constructor(readonly cert: number) {}

  check = (m: Readonly<Model>) => m.certs.length > 0;

  async run(m: Model, r: Real): Promise<void> {
    const c = pick(m.certs, this.cert);
    const ex = await r.api.call('DescribeCertificate', { path: { certificateId: c.id } }, { label: `DescribeCertificate(${short(c.id)})` });
    const got = (ex.body as { certificateDescription?: { status?: string; certificateArn?: string } } | undefined)?.certificateDescription;
    this.text = `DescribeCertificate(id=${short(c.id)}, ${c.deleted ? 'deleted' : c.status}) -> ${describeAnswer(ex)}${got?.status ? ` ${got.status}` : ''}`;
    if (c.deleted) return r.check.outcome('AWSIOT-DEL-008', ex, [NOT_FOUND]);
    r.check.outcome('AWSIOT-UPD-003', ex, [OK]);
    r.check.that('AWSIOT-UPD-003', got?.status === c.status, `status ${String(got?.status)}`, c.status);
    r.check.that('AWSIOT-LST-002', got?.certificateArn === c.arn, `certificateArn ${String(got?.certificateArn)}`, c.arn);
  }

  toString = () => this.text || `DescribeCertificate(#${this.cert})`;
}

export const describeCertificate = fc.nat().map((cert) => new DescribeCertificate(cert));
