import { expect } from '@playwright/test';
import { azureKeyVault } from '../../mock/providers/azure-keyvault/index.ts';
import { importCert, test } from './azure-kv-harness.ts';

// What the seed's DeleteCertificate paragraph says besides the delete itself: the permission
// it needs (a second, narrower token), the policy that goes with it, and no per-version delete.

const narrow = { authorization: `Bearer ${azureKeyVault.credentials!.noDeleteBearerToken}` };

test('the narrow token may do everything but delete: 403 Forbidden, and nothing is deleted', async ({ kv }) => {
  expect(azureKeyVault.credentials).toMatchObject({ bearerToken: expect.any(String), noDeleteBearerToken: expect.any(String) });
  await importCert(kv, 'permCert');
  const refused = await kv.call('DELETE', '/certificates/permCert', undefined, narrow);
  expect(refused.status).toBe(403);
  expect(refused.json.error).toMatchObject({ code: 'Forbidden', message: expect.stringContaining('certificates delete permission') });
  expect((await kv.call('GET', '/certificates/permCert/', undefined, narrow)).status).toBe(200);
  expect((await kv.call('GET', '/certificates/permCert/policy', undefined, narrow)).status).toBe(200);
  expect((await kv.call('GET', '/certificates', undefined, narrow)).status).toBe(200);
  // Without a token the challenge still comes first; the ordinary token may delete.
  expect((await kv.call('DELETE', '/certificates/permCert', undefined, { authorization: '' })).status).toBe(401);
  expect((await kv.call('DELETE', '/certificates/permCert')).status).toBe(200);
  expect((await kv.call('DELETE', '/certificates/permCert', undefined, narrow)).status).toBe(403);
});

test('GetCertificatePolicy answers the live policy and nothing once the certificate is deleted', async ({ kv }) => {
  const b = await importCert(kv, 'polCert');
  const policy = await kv.call('GET', '/certificates/polCert/policy');
  expect(policy.status).toBe(200);
  expect(policy.json).toEqual(b.policy);
  expect(policy.json.id).toBe(`${kv.served.url}/certificates/polCert/policy`);
  expect((await kv.call('DELETE', '/certificates/polCert')).status).toBe(200);
  expect((await kv.call('GET', '/certificates/polCert/policy')).json.error.code).toBe('CertificateNotFound');
  expect((await kv.call('POST', '/deletedcertificates/polCert/recover')).status).toBe(200);
  expect((await kv.call('GET', '/certificates/polCert/policy')).json).toEqual(b.policy);
  expect((await kv.call('GET', '/certificates/neverCert/policy')).status).toBe(404);
});

test('a DELETE aimed at one version is no route: 405, and every version stays', async ({ kv }) => {
  const first = await importCert(kv, 'verCert');
  const second = await importCert(kv, 'verCert');
  const answer = await kv.call('DELETE', new URL(first.id).pathname);
  expect(answer.status).toBe(405);
  for (const b of [first, second]) expect((await kv.call('GET', new URL(b.id).pathname)).status).toBe(200);
});
