import { rule, rules } from '../../support/rules.ts';
import { test } from '../helpers/fixtures.ts';

const del = (id: string, forceDelete?: boolean) => ({ path: { certificateId: id }, query: { forceDelete } });

test('an ACTIVE certificate is not deleted, with or without forceDelete', rules(['AWSIOT-DEL-001']), async ({ api, check, sandbox }) => {
  const cert = await sandbox.cert('ACTIVE');
  for (const force of [undefined, false, true]) {
    check.outcome('AWSIOT-DEL-001', await api.call('DeleteCertificate', del(cert.id, force), { label: `delete ACTIVE (forceDelete=${force})` }));
  }
  // Refused means still there.
  const after = await api.call('DescribeCertificate', { path: { certificateId: cert.id } });
  check.that('AWSIOT-DEL-001', after.status === 200, `DescribeCertificate ${after.status} after the refused deletes`, '200: the certificate still exists');
});

test('an ACTIVE certificate with a thing and a policy attached: the status check comes first', rules(['AWSIOT-DEL-001', 'AWSIOT-DEL-007']), async ({ api, check, sandbox }) => {
  const cert = await sandbox.cert('ACTIVE');
  await sandbox.attachPolicy(await sandbox.policy(), cert.arn);
  await sandbox.attachThing(await sandbox.thing(), cert.arn);
  const ex = await api.call('DeleteCertificate', del(cert.id, true), { label: 'delete ACTIVE with attachments' });
  // The documentation states no order between the ACTIVE and the attachment conditions: DEL-001
  // takes the attachment's refusal too (its statement says so; the outcomes are the catalog's).
  // DEL-007 (INFO) records whether the status came first.
  check.outcome('AWSIOT-DEL-001', ex, [...rule('AWSIOT-DEL-001').outcomes, ...rule('AWSIOT-DEL-002').outcomes]);
  check.outcome('AWSIOT-DEL-007', ex);
  const after = await api.call('DescribeCertificate', { path: { certificateId: cert.id } });
  check.that('AWSIOT-DEL-001', after.status === 200, `DescribeCertificate ${after.status} after the refused delete`, '200: the certificate still exists');
});
