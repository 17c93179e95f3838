import fc from 'fast-check';
import { selfSigned } from '../../support/certs/generate.ts';
import { sha256Hex } from '../../support/certs/fingerprint.ts';
import { describeAnswer } from '../../support/http/exchange.ts';
import { short } from '../helpers/ids.ts';
import { newCert, OK, type Model } from './model.ts';
import type { Cmd, Real } from './real.ts';

export const MAX_CERTS = 6;

/** RegisterCertificateWithoutCA of a fresh certificate: 200 (the id as moto derives it: INFO). */
export class RegisterCertificate implements Cmd {
  private text = '';
  constructor(
    readonly status: string,
    readonly keyAlg: 'EC-P256' | 'RSA-2048',
  ) {}

  check = (m: Readonly<Model>) => m.certs.length < MAX_CERTS;

  async run(m: Model, r: Real): Promise<void> {
    const made = await selfSigned({ ca: false, keyAlg: this.keyAlg, subject: [{ CN: [r.sandbox.name('device')] }] });
    const ex = await r.api.call('RegisterCertificateWithoutCA', { body: { certificatePem: made.pem, status: this.status } }, { label: `RegisterCertificateWithoutCA(${this.status})` });
    const body = ex.body as { certificateId?: string; certificateArn?: string } | undefined;
    if (ex.status === 200 && body?.certificateId) r.sandbox.track('certificate', body.certificateId, body.certificateArn ? { arn: body.certificateArn } : undefined);
    this.text = `RegisterCertificateWithoutCA(${this.status}, ${this.keyAlg}) -> ${describeAnswer(ex)}${body?.certificateId ? ` id=${short(body.certificateId)}` : ''}`;
    r.check.outcome('AWSIOT-REG-004', ex, [OK]);
    const id = body?.certificateId ?? '';
    r.check.that('AWSIOT-REG-005', !!body?.certificateArn?.endsWith(id), `certificateArn ${String(body?.certificateArn)}`, `ends with ${id}`);
    // INFO (moto's derivation; AWS documents none), after the documented checks.
    r.check.that('AWSIOT-REG-007', id.toLowerCase() === sha256Hex(made.der), `certificateId ${id}`, `SHA-256 of the DER ${sha256Hex(made.der)}`);
    m.certs.push(newCert(id, body!.certificateArn!, made.pem, this.status));
  }

  toString = () => this.text || `RegisterCertificateWithoutCA(${this.status})`;
}

export const registerCertificate = fc
  .tuple(fc.constantFrom('ACTIVE', 'INACTIVE'), fc.constantFrom('EC-P256' as const, 'RSA-2048' as const))
  .map(([s, k]) => new RegisterCertificate(s, k));
