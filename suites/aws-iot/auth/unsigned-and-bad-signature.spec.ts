import { rules } from '../../support/rules.ts';
import type { SignableRequest } from '../../support/signing/request.ts';
import { selfSigned } from '../../support/certs/generate.ts';
import { sha256Hex } from '../../support/certs/fingerprint.ts';
import { test } from '../helpers/fixtures.ts';

/** Flips the last hex digit of the SigV4 signature: well-formed, but wrong. */
const wrongSignature = (signed: SignableRequest): SignableRequest => {
  const headers = { ...signed.headers };
  const key = Object.keys(headers).find((k) => k.toLowerCase() === 'authorization')!;
  headers[key] = headers[key]!.replace(/([0-9a-f])$/, (d) => (d === '0' ? '1' : '0'));
  return { ...signed, headers };
};
/** A header that is not SigV4 at all. */
const malformed = (signed: SignableRequest): SignableRequest => {
  const headers = Object.fromEntries(Object.entries(signed.headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
  return { ...signed, headers: { ...headers, Authorization: 'AWS4-HMAC-SHA256 garbage' } };
};

test('DeleteCertificate without Authorization is 401 and deletes nothing', rules(['AWSIOT-AUTH-001', 'AWSIOT-AUTH-002']), async ({ api, check, sandbox }) => {
  const cert = await sandbox.cert('INACTIVE');
  check.outcome('AWSIOT-AUTH-001', await api.call('DeleteCertificate', { path: { certificateId: cert.id } }, { auth: 'none', label: 'unsigned delete' }));
  check.outcome('AWSIOT-AUTH-002', await api.call('DeleteCertificate', { path: { certificateId: cert.id } }, { auth: wrongSignature, label: 'delete with a wrong signature' }));
  const d = await api.call('DescribeCertificate', { path: { certificateId: cert.id } }, { label: 'signed describe afterwards' });
  check.that('AWSIOT-AUTH-001', d.status === 200, `DescribeCertificate ${d.status} after the refused deletes`, '200: still there');
});

test('RegisterCertificateWithoutCA with a wrong or malformed signature is 401 and registers nothing', rules(['AWSIOT-AUTH-002']), async ({ api, check, sandbox }) => {
  const cert = await selfSigned({ ca: false, subject: [{ CN: [sandbox.name('unsigned')] }] });
  for (const [what, auth] of [['wrong signature', wrongSignature], ['malformed Authorization', malformed]] as const) {
    const ex = await api.call('RegisterCertificateWithoutCA', { body: { certificatePem: cert.pem, status: 'INACTIVE' } }, { auth, label: `register with ${what}` });
    if (ex.status === 200) sandbox.track('certificate', sha256Hex(cert.der));
    check.outcome('AWSIOT-AUTH-002', ex);
  }
  const d = await api.call('DescribeCertificate', { path: { certificateId: sha256Hex(cert.der) } }, { label: 'signed describe afterwards' });
  if (d.status === 200) sandbox.track('certificate', sha256Hex(cert.der));
  check.that('AWSIOT-AUTH-002', d.status === 404, `DescribeCertificate ${d.status}`, '404: nothing was registered');
});

test('companion operations refuse unsigned requests too', rules(['AWSIOT-AUTH-003'], '@readonly'), async ({ api, check }) => {
  const arn = 'arn:aws:iot:us-east-1:000000000000:cert/' + '0'.repeat(64);
  const calls: [string, Parameters<typeof api.call>[1]][] = [
    ['ListCertificates', {}],
    ['DescribeCertificate', { path: { certificateId: '0'.repeat(64) } }],
    ['UpdateCertificate', { path: { certificateId: '0'.repeat(64) }, query: { newStatus: 'INACTIVE' } }],
    ['ListAttachedPolicies', { path: { target: arn } }],
    ['ListPrincipalThings', { headers: { 'x-amzn-principal': arn } }],
  ];
  for (const [op, input] of calls) check.outcome('AWSIOT-AUTH-003', await api.call(op, input, { auth: 'none', label: `unsigned ${op}` }));
  check.outcome('AWSIOT-AUTH-003', await api.call('ListCertificates', {}, { auth: wrongSignature, label: 'ListCertificates with a wrong signature' }));
});
