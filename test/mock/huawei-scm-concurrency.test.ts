import 'reflect-metadata';
import { expect, test } from '@playwright/test';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { serve, type Served } from '../../mock/host/server.ts';
import { huaweiScm, type ScmState } from '../../mock/providers/huawei-scm/index.ts';

// Concurrent clients on the same resource: no lost update, no double success.
const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
x509.cryptoProvider.set(webcrypto as unknown as Crypto);
const headers = { 'content-type': 'application/json', 'x-auth-token': 'C'.repeat(32) };

let served: Served<ScmState>;
test.beforeAll(async () => void (served = await serve(huaweiScm, { strict: true })));
test.afterAll(async () => {
  await served.close();
  expect(served.violations).toEqual([]);
});

test('20 parallel duplicate_check imports of one certificate: one 200, the rest 400', async () => {
  const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({ name: 'CN=race.test', keys, signingAlgorithm: EC });
  const private_key = x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
  const body = JSON.stringify({ name: 'race', certificate: cert.toString('pem'), private_key, duplicate_check: true });
  const statuses = await Promise.all(
    Array.from({ length: 20 }, () => fetch(`${served.url}/v3/scm/certificates/import`, { method: 'POST', headers, body }).then((r) => r.status)),
  );
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 400)).toHaveLength(19);

  const id = [...served.state.certificates.values()].find((r) => r.name === 'race')!.id;
  const deletes = await Promise.all(
    Array.from({ length: 10 }, () => fetch(`${served.url}/v3/scm/certificates/${id}`, { method: 'DELETE', headers }).then((r) => r.status)),
  );
  expect(deletes.sort()).toEqual([204, ...Array(9).fill(400)]);
  const list = (await (await fetch(`${served.url}/v3/scm/certificates?limit=50`, { headers })).json()) as { total_count: number };
  expect(list.total_count).toBe(served.state.certificates.size);
});
