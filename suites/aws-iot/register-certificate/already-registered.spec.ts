import { rules } from '../../support/rules.ts';
import { test } from '../helpers/fixtures.ts';

test('registering the same certificate twice is 409 naming the existing one', rules(['AWSIOT-REG-001', 'AWSIOT-REG-002']), async ({ api, check, sandbox }) => {
  const cert = await sandbox.cert('INACTIVE');
  // Same PEM; then the same certificate written with CRLF and without the final newline (same DER).
  const crlf = cert.pem.replace(/\n$/, '').replace(/\n/g, '\r\n');
  for (const [what, certificatePem] of [['same PEM', cert.pem], ['same DER, CRLF PEM', crlf]] as const) {
    const again = await api.call('RegisterCertificateWithoutCA', { body: { certificatePem, status: 'ACTIVE' } }, { label: `register again (${what})` });
    if (again.status === 200) sandbox.track('certificate', (again.body as { certificateId: string }).certificateId);
    check.outcome('AWSIOT-REG-001', again);
    const body = again.body as { resourceId?: string; resourceArn?: string };
    check.that('AWSIOT-REG-002', body?.resourceId === cert.id, `resourceId ${JSON.stringify(body?.resourceId)}`, `resourceId ${cert.id}`);
    check.that('AWSIOT-REG-002', body?.resourceArn === cert.arn, `resourceArn ${JSON.stringify(body?.resourceArn)}`, `resourceArn ${cert.arn}`);
  }
  // The refused registration changed nothing: the status stays INACTIVE.
  const d = await api.call('DescribeCertificate', { path: { certificateId: cert.id } });
  const status = (d.body as { certificateDescription?: { status?: string } })?.certificateDescription?.status;
  check.that('AWSIOT-REG-001', status === 'INACTIVE', `status ${status} after the refused registrations`, 'INACTIVE (unchanged)');
});
