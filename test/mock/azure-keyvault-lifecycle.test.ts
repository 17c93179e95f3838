import { expect } from '@playwright/test';
import { createHash, X509Certificate } from 'node:crypto';
import { createAzureKeyVault, snapshot } from '../../mock/providers/azure-keyvault/index.ts';
import { DAY_MS, importCert, certPem, start, test } from './azure-kv-harness.ts';

// Soft-delete semantics over raw HTTPS: what an import makes, what a delete keeps, the two
// stores, retention by the clock, the processing delay.

test('an imported bundle has absolute ids, the real DER and its SHA-1 thumbprint', async ({ kv }) => {
  const b = await importCert(kv, 'fmtCert', { tags: { purpose: 'certconform' } });
  const version = b.id.split('/').pop();
  expect(version).toMatch(/^[0-9a-f]{32}$/);
  expect(b.id).toBe(`${kv.served.url}/certificates/fmtCert/${version}`);
  expect(b.kid).toBe(`${kv.served.url}/keys/fmtCert/${version}`);
  expect(b.sid).toBe(`${kv.served.url}/secrets/fmtCert/${version}`);
  const der = Buffer.from(b.cer, 'base64');
  expect(b.x5t).toBe(createHash('sha1').update(der).digest('base64url'));
  const certOnly = (await certPem()).slice((await certPem()).indexOf('-----BEGIN CERTIFICATE'));
  expect(der.equals(new X509Certificate(certOnly).raw)).toBe(true);
  expect(b.attributes).toMatchObject({ enabled: true, nbf: 1767225600, exp: 1767225600 + 864_000, recoveryLevel: 'Recoverable+Purgeable' });
  expect(b.policy).toMatchObject({ key_props: { kty: 'EC', crv: 'P-256' }, x509_props: { subject: 'CN=lifecycle' }, issuer: { name: 'Unknown' } });
  expect(b.tags).toEqual({ purpose: 'certconform' });
});

test('delete moves every version to the deleted store and keeps the identity', async ({ kv }) => {
  const first = await importCert(kv, 'delCert');
  const latest = await importCert(kv, 'delCert');
  const before = (await kv.call('GET', '/certificates/delCert/')).json;
  expect(before.id).toBe(latest.id);
  const t = Math.floor(kv.served.ctx.clock.now() / 1000);
  const del = await kv.call('DELETE', '/certificates/delCert');
  expect(del.status).toBe(200);
  expect(del.json).toMatchObject({ id: before.id, cer: before.cer, x5t: before.x5t, recoveryId: `${kv.served.url}/deletedcertificates/delCert` });
  expect(Math.abs(del.json.deletedDate - t)).toBeLessThanOrEqual(1);
  expect(del.json.scheduledPurgeDate - del.json.deletedDate).toBe(90 * 86_400);
  for (const b of [first, latest]) expect((await kv.call('GET', new URL(b.id).pathname)).status).toBe(404);
  expect((await kv.call('GET', '/certificates/delCert/')).json.error.code).toBe('CertificateNotFound');
  expect((await kv.call('DELETE', '/certificates/delCert')).status).toBe(404);
  expect((await kv.call('GET', '/deletedcertificates/delCert')).json).toEqual(del.json);
  expect((await kv.call('GET', '/certificates')).json.value).toEqual([]);
  expect((await kv.call('GET', '/deletedcertificates')).json.value.map((d: { id: string }) => d.id)).toEqual([`${kv.served.url}/certificates/delCert`]);
  const conflict = await kv.call('POST', '/certificates/delCert/import', { value: await certPem() });
  expect(conflict.json.error).toMatchObject({ code: 'Conflict', innererror: { code: 'ObjectIsDeletedButRecoverable' } });
  expect((await kv.call('POST', '/deletedcertificates/delCert/recover')).json.id).toBe(latest.id);
  expect((await kv.call('GET', new URL(first.id).pathname)).status).toBe(200);
  expect((await kv.call('GET', '/deletedcertificates/delCert')).status).toBe(404);
});

test('the system purges a deleted certificate when its retention has passed', async ({ kv }) => {
  await importCert(kv, 'oldCert');
  expect((await kv.call('DELETE', '/certificates/oldCert')).status).toBe(200);
  kv.served.ctx.clock.advance(89 * DAY_MS);
  expect((await kv.call('GET', '/deletedcertificates/oldCert')).status).toBe(200);
  kv.served.ctx.clock.advance(2 * DAY_MS);
  expect((await kv.call('GET', '/deletedcertificates/oldCert')).json.error.code).toBe('CertificateNotFound');
  expect((await kv.call('GET', '/deletedcertificates')).json.value).toEqual([]);
  expect(snapshot(kv.served.state).deletedCertificates).toEqual([]);
  expect((await kv.call('POST', '/certificates/oldCert/import', { value: await certPem() })).status).toBe(200);
});

test('a deletion being processed is not yet in the deleted store and cannot be recovered', async () => {
  const kv = await start(createAzureKeyVault({ deletedVisibleAfterMs: 60_000 }));
  await importCert(kv, 'slowCert');
  expect((await kv.call('DELETE', '/certificates/slowCert')).status).toBe(200);
  expect((await kv.call('GET', '/deletedcertificates/slowCert')).json.error.code).toBe('CertificateNotFound');
  expect((await kv.call('POST', '/deletedcertificates/slowCert/recover')).json.error.code).toBe('Conflict');
  expect((await kv.call('POST', '/certificates/slowCert/import', { value: await certPem() })).status).toBe(409);
  kv.served.ctx.clock.advance(60_000);
  expect((await kv.call('GET', '/deletedcertificates/slowCert')).status).toBe(200);
  expect((await kv.call('POST', '/deletedcertificates/slowCert/recover')).status).toBe(200);
  await kv.served.close();
  expect(kv.served.violations).toEqual([]);
});
