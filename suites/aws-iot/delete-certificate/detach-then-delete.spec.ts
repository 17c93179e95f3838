import type { ApiClient } from '../../support/http/client.ts';
import { rules } from '../../support/rules.ts';
import { test } from '../helpers/fixtures.ts';
import type { Cert } from '../helpers/sandbox.ts';
import { poll } from '../helpers/poll.ts';

// The seed names DetachPrincipalPolicy (deprecated, principal in a header); the model's
// DetachPolicy replaces it. Either must make the certificate deletable, so a target that
// implements only the seed's API can be driven through the recipe.
const DETACH: Record<string, (api: ApiClient, policyName: string, cert: Cert) => ReturnType<ApiClient['call']>> = {
  DetachPrincipalPolicy: (api, policyName, cert) =>
    api.call('DetachPrincipalPolicy', { path: { policyName }, headers: { 'x-amzn-iot-principal': cert.arn } }),
  DetachPolicy: (api, policyName, cert) => api.call('DetachPolicy', { path: { policyName }, body: { target: cert.arn } }),
};

for (const [how, detach] of Object.entries(DETACH)) {
  test(`detaching every policy (${how}) and thing and deactivating makes an ACTIVE certificate deletable`, rules(['AWSIOT-ATT-001', 'AWSIOT-DEL-008']), async ({ api, check, sandbox }) => {
    const cert = await sandbox.cert('ACTIVE');
    const policy = await sandbox.policy();
    const thing = await sandbox.thing();
    await sandbox.attachPolicy(policy, cert.arn);
    await sandbox.attachThing(thing, cert.arn);
    // The seed's recipe: detach the policies, detach the things, then set INACTIVE.
    check.outcome('AWSIOT-ATT-001', await detach(api, policy, cert));
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
}
