import { rules } from '../../support/rules.ts';
import { test } from '../helpers/fixtures.ts';
import type { ApiClient } from '../../support/http/client.ts';

async function attachedPolicies(api: ApiClient, arn: string): Promise<string[]> {
  const ex = await api.call('ListAttachedPolicies', { path: { target: arn } });
  return ((ex.body as { policies?: { policyName: string }[] })?.policies ?? []).map((p) => p.policyName);
}

test('AttachPolicy and DetachPolicy show in the certificate ARN\'s attached policies', rules(['AWSIOT-ATT-005', 'AWSIOT-ATT-003']), async ({ api, check, sandbox }) => {
  const cert = await sandbox.cert('INACTIVE');
  const policy = await sandbox.policy();
  check.outcome('AWSIOT-ATT-005', await api.call('AttachPolicy', { path: { policyName: policy }, body: { target: cert.arn } }));
  let names = await attachedPolicies(api, cert.arn);
  check.that('AWSIOT-ATT-005', names.filter((n) => n === policy).length === 1, `attached: [${names.join(', ')}]`, `${policy} once`);
  // Re-attaching (INFO, moto): succeeds and still lists the policy once.
  check.outcome('AWSIOT-ATT-003', await api.call('AttachPolicy', { path: { policyName: policy }, body: { target: cert.arn } }, { label: 'attach again' }));
  names = await attachedPolicies(api, cert.arn);
  check.that('AWSIOT-ATT-003', names.filter((n) => n === policy).length === 1, `attached: [${names.join(', ')}]`, `${policy} once`);
  check.outcome('AWSIOT-ATT-005', await api.call('DetachPolicy', { path: { policyName: policy }, body: { target: cert.arn } }));
  names = await attachedPolicies(api, cert.arn);
  check.that('AWSIOT-ATT-005', !names.includes(policy), `attached: [${names.join(', ')}]`, `without ${policy}`);
});

test('a policy attached to a certificate cannot be deleted', rules(['AWSIOT-ATT-002']), async ({ api, check, sandbox }) => {
  const cert = await sandbox.cert('INACTIVE');
  const policy = await sandbox.policy();
  await sandbox.attachPolicy(policy, cert.arn);
  check.outcome('AWSIOT-ATT-002', await api.call('DeletePolicy', { path: { policyName: policy } }, { label: 'delete attached policy' }));
  const got = await api.call('GetPolicy', { path: { policyName: policy } });
  check.that('AWSIOT-ATT-002', got.status === 200, `GetPolicy ${got.status} after the refused delete`, '200: the policy still exists');
});

test('attaching a policy name that does not exist is 404', rules(['AWSIOT-ATT-004']), async ({ api, check, sandbox }) => {
  const cert = await sandbox.cert('INACTIVE');
  const ex = await api.call('AttachPolicy', { path: { policyName: sandbox.name('never-created') }, body: { target: cert.arn } }, { label: 'attach unknown policy' });
  check.outcome('AWSIOT-ATT-004', ex);
  const names = await attachedPolicies(api, cert.arn);
  check.that('AWSIOT-ATT-004', names.length === 0, `attached: [${names.join(', ')}]`, 'nothing attached');
});
