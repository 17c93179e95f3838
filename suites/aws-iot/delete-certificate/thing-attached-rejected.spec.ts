import { rules } from '../../support/rules.ts';
import { test } from '../helpers/fixtures.ts';

test('an INACTIVE certificate with a thing attached is not deleted, forceDelete or not', rules(['AWSIOT-DEL-002', 'AWSIOT-DEL-003']), async ({ api, check, sandbox }) => {
  const cert = await sandbox.cert('INACTIVE');
  await sandbox.attachThing(await sandbox.thing(), cert.arn);
  const plain = await api.call('DeleteCertificate', { path: { certificateId: cert.id } }, { label: 'delete with thing attached' });
  check.outcome('AWSIOT-DEL-002', plain);
  const forced = await api.call('DeleteCertificate', { path: { certificateId: cert.id }, query: { forceDelete: true } }, { label: 'force delete with thing attached' });
  check.outcome('AWSIOT-DEL-003', forced);
  const after = await api.call('DescribeCertificate', { path: { certificateId: cert.id } });
  check.that('AWSIOT-DEL-003', after.status === 200, `DescribeCertificate ${after.status} after the refused deletes`, '200: the certificate still exists');
});

test('a REVOKED certificate with a thing attached is not deleted either', rules(['AWSIOT-DEL-002']), async ({ api, check, sandbox }) => {
  // The thing condition does not depend on which non-ACTIVE status the certificate has.
  const cert = await sandbox.cert('REVOKED');
  await sandbox.attachThing(await sandbox.thing(), cert.arn);
  check.outcome('AWSIOT-DEL-002', await api.call('DeleteCertificate', { path: { certificateId: cert.id } }, { label: 'delete REVOKED with thing attached' }));
});
