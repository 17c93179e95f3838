import { rules } from '../../support/rules.ts';
import { test } from '../helpers/fixtures.ts';
import { poll } from '../helpers/poll.ts';

test('detaching every policy and thing and deactivating makes an ACTIVE certificate deletable', rules(['AWSIOT-ATT-001', 'AWSIOT-DEL-008']), async ({ api, check, sandbox }) => {
  const cert = await sandbox.cert('ACTIVE');
  const policy = await sandbox.policy();
  const thing = await sandbox.thing();
  await sandbox.attachPolicy(policy, cert.arn);
  await sandbox.attachThing(thing, cert.arn);
  // The seed's recipe: detach the policies, detach the things, then set INACTIVE.
  check.outcome('AWSIOT-ATT-001', await api.call('DetachPolicy', { path: { policyName: policy }, body: { target: cert.arn } }));
  check.outcome('AWSIOT-ATT-001', await api.call('DetachThingPrincipal', { path: { thingName: thing }, headers: { 'x-amzn-principal': cert.arn } }));
  check.outcome('AWSIOT-ATT-001', await api.call('UpdateCertificate', { path: { certificateId: cert.id }, query: { newStatus: 'INACTIVE' } }));
  // Detachment may take seconds to propagate on the real service: a 409 is retried for up to 10 s.
  const del = await poll(
    () => api.call('DeleteCertificate', { path: { certificateId: cert.id } }, { label: 'delete after detaching' }),
    (ex) => ex.status === 409,
  );
  check.outcome('AWSIOT-ATT-001', del);
  const after = await api.call('DescribeCertificate', { path: { certificateId: cert.id } });
  check.outcome('AWSIOT-DEL-008', after);
});
