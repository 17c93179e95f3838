import { rules } from '../../support/rules.ts';
import { test } from '../helpers/fixtures.ts';
import { selfSigned } from '../../support/certs/generate.ts';

test('a certificatePem that is not an X.509 certificate is 400 CertificateValidationException', rules(['AWSIOT-REG-003']), async ({ api, check, sandbox }) => {
  const real = await selfSigned({ ca: false });
  const body = real.pem.split('\n').slice(1, -2).join('\n');
  const cases: [string, string][] = [
    ['plain text', 'not a certificate'],
    ['PEM armour around garbage base64', '-----BEGIN CERTIFICATE-----\nAAAAAAAAAAAAAAAAAAAAAAAA\n-----END CERTIFICATE-----\n'],
    ['a truncated certificate', `-----BEGIN CERTIFICATE-----\n${body.slice(0, Math.floor(body.length / 2)).replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`],
    ['a private key instead of a certificate', real.privateKeyPem],
  ];
  for (const [what, certificatePem] of cases) {
    const ex = await api.call('RegisterCertificateWithoutCA', { body: { certificatePem, status: 'INACTIVE' } }, { label: `register ${what}` });
    if (ex.status === 200) sandbox.track('certificate', (ex.body as { certificateId: string }).certificateId);
    check.outcome('AWSIOT-REG-003', ex);
  }
});
