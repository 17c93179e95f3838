import { rules } from '../../support/rules.ts';
import { test } from '../helpers/fixtures.ts';

const policiesOf = (body: unknown) => ((body as { policies?: { policyName?: string }[] })?.policies ?? []).map((p) => p.policyName);

test('without forceDelete a certificate with a policy attached is not deleted', rules(['AWSIOT-DEL-004']), async ({ api, check, sandbox }) => {
  const cert = await sandbox.cert('INACTIVE');
  await sandbox.attachPolicy(await sandbox.policy(), cert.arn);
  for (const forceDelete of [undefined, false]) {
    check.outcome('AWSIOT-DEL-004', await api.call('DeleteCertificate', { path: { certificateId: cert.id }, query: { forceDelete } }, { label: `delete with policy (forceDelete=${forceDelete})` }));
  }
  const after = await api.call('DescribeCertificate', { path: { certificateId: cert.id } });
  check.that('AWSIOT-DEL-004', after.status === 200, `DescribeCertificate ${after.status} after the refused deletes`, '200: the certificate still exists');
});

test('forceDelete deletes an INACTIVE certificate with policies and removes the attachments', rules(['AWSIOT-DEL-005', 'AWSIOT-DEL-006', 'AWSIOT-DEL-008']), async ({ api, check, sandbox }) => {
  const cert = await sandbox.cert('INACTIVE');
  const [p1, p2] = [await sandbox.policy(), await sandbox.policy()];
  await sandbox.attachPolicy(p1, cert.arn);
  await sandbox.attachPolicy(p2, cert.arn);
  const del = await api.call('DeleteCertificate', { path: { certificateId: cert.id }, query: { forceDelete: true } }, { label: 'force delete with policies' });
  check.outcome('AWSIOT-DEL-005', del);
  check.outcome('AWSIOT-DEL-008', await api.call('DescribeCertificate', { path: { certificateId: cert.id } }, { label: 'describe after force delete' }));
  const listed = await api.call('ListAttachedPolicies', { path: { target: cert.arn } }, { label: 'policies of the deleted ARN' });
  check.outcome('AWSIOT-DEL-006', listed);
  const left = listed.status === 200 ? policiesOf(listed.body).filter((n) => n === p1 || n === p2) : [];
  check.that('AWSIOT-DEL-006', left.length === 0, `still attached: ${left.join(', ')}`, 'no policy attached to a deleted certificate');
});
