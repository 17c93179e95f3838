import { rules } from '../../support/rules.ts';
import type { SignableRequest } from '../../support/signing/request.ts';
import { selfSigned } from '../../support/certs/generate.ts';
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

// AUTH-001/002 (MUST): refused (400, the seed's 401 or one of AWS's 403 signing errors) and
// nothing changed. AUTH-004 (SHOULD): the refusal names the authentication problem (401 or 403).
test('DeleteCertificate unsigned or wrongly signed is refused and deletes nothing', rules(['AWSIOT-AUTH-001', 'AWSIOT-AUTH-002', 'AWSIOT-AUTH-004']), async ({ api, check, sandbox }) => {
  const cert = await sandbox.cert('INACTIVE');
  const unsigned = await api.call('DeleteCertificate', { path: { certificateId: cert.id } }, { auth: 'none', label: 'unsigned delete' });
  check.outcome('AWSIOT-AUTH-001', unsigned);
  const wrong = await api.call('DeleteCertificate', { path: { certificateId: cert.id } }, { auth: wrongSignature, label: 'delete with a wrong signature' });
  check.outcome('AWSIOT-AUTH-002', wrong);
  const d = await api.call('DescribeCertificate', { path: { certificateId: cert.id } }, { label: 'signed describe afterwards' });
  check.that('AWSIOT-AUTH-001', d.status === 200, `DescribeCertificate ${d.status} after the refused deletes`, '200: still there');
  for (const ex of [unsigned, wrong]) check.outcome('AWSIOT-AUTH-004', ex);
});

test('RegisterCertificateWithoutCA with a wrong or malformed signature is refused and registers nothing', rules(['AWSIOT-AUTH-002', 'AWSIOT-AUTH-004']), async ({ api, check, sandbox }) => {
  const cert = await selfSigned({ ca: false, subject: [{ CN: [sandbox.name('unsigned')] }] });
  const refused = [];
  for (const [what, auth] of [['wrong signature', wrongSignature], ['malformed Authorization', malformed]] as const) {
    const ex = await api.call('RegisterCertificateWithoutCA', { body: { certificatePem: cert.pem, status: 'INACTIVE' } }, { auth, label: `register with ${what}` });
    if (ex.status === 200) sandbox.track('certificate', (ex.body as { certificateId: string }).certificateId);
    check.outcome('AWSIOT-AUTH-002', ex);
    refused.push(ex);
  }
  // Nothing registered: a signed registration of the same certificate is new (200), not a 409.
  // (No id derivation is assumed: AWS documents none.)
  const signed = await api.call('RegisterCertificateWithoutCA', { body: { certificatePem: cert.pem, status: 'INACTIVE' } }, { label: 'signed register afterwards' });
  const body = signed.body as { certificateId?: string; resourceId?: string } | undefined;
  const id = body?.certificateId ?? body?.resourceId;
  if (id) sandbox.track('certificate', id);
  check.that('AWSIOT-AUTH-002', signed.status === 200, `signed RegisterCertificateWithoutCA ${signed.status} ${signed.code ?? ''}`, '200: the refused requests registered nothing');
  for (const ex of refused) check.outcome('AWSIOT-AUTH-004', ex);
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
