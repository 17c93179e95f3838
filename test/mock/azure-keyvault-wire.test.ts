import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { expect, test as base } from '@playwright/test';
import { createPrivateKey, webcrypto } from 'node:crypto';
import { request } from 'node:https';
import { loadSpec } from '../../lib/spec/load.ts';
import { serve, type Served } from '../../mock/host/server.ts';
import { azureKeyVault, tlsMaterial, type Vault } from '../../mock/providers/azure-keyvault/index.ts';

// The dialect over raw HTTPS: the challenge, BadParameter for everything the spec or the
// certificate parser refuses, unknown routes, and never a 5xx.

const crypto = webcrypto as unknown as Crypto;
const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
type Answer = { status: number; headers: Record<string, string | string[] | undefined>; json: any };
type Call = (method: string, path: string, opts?: { body?: unknown; auth?: string | null }) => Promise<Answer>;

const test = base.extend<{ kv: { served: Served<Vault>; call: Call } }>({
  kv: async ({}, use) => {
    const tls = await tlsMaterial();
    const served = await serve(azureKeyVault, { strict: true, tls: { key: tls.keyPem, cert: tls.certPem } });
    const call: Call = (method, path, { body, auth = 'Bearer certconform-token' } = {}) =>
      new Promise<Answer>((resolve, reject) => {
        const headers = { 'content-type': 'application/json', ...(auth === null ? {} : { authorization: auth }) };
        const req = request(`${served.url}${path}`, { method, ca: tls.caPem, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode!, headers: res.headers, json: text ? JSON.parse(text) : undefined });
          });
        });
        req.on('error', reject);
        req.end(body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body));
      }).then((a) => {
        expect(a.status, `${method} ${path} must never be a 5xx`).toBeLessThan(500);
        expect(a.headers['x-ms-request-id'], 'every reply carries a request id').toBeTruthy();
        return a;
      });
    await use({ served, call });
    await served.close();
    expect(served.violations, 'strict mode found replies that break the spec').toEqual([]);
  },
});

async function keyAndCert(cn: string) {
  const keys = await crypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({ name: `CN=${cn}`, keys, signingAlgorithm: EC }, crypto);
  const key = x509.PemConverter.encode(await crypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
  return { key, cert: cert.toString('pem') };
}

const V = 'api-version=7.0';
const badParameter = (a: Answer) => {
  expect(a.status).toBe(400);
  expect(a.json.error.code).toBe('BadParameter');
};

test('every operation answers the Key Vault challenge without a bearer token', async ({ kv: { call } }) => {
  const ops = [...loadSpec('azure-keyvault').operations.values()];
  expect(ops.length).toBeGreaterThanOrEqual(9);
  for (const op of ops) {
    const path = op.path.replace('{certificate-name}', 'someCert').replace('{certificate-version}', 'f'.repeat(32));
    for (const auth of [null, 'Basic Zm9vOmJhcg==', 'Bearer ']) {
      // No body: the official client's first request strips it, so 401 must come before 400.
      const a = await call(op.method.toUpperCase(), `${path}?${V}`, { auth });
      expect(a.status, `${op.operationId} with ${auth}`).toBe(401);
      expect(a.json.error.code).toBe('Unauthorized');
      expect(a.headers['www-authenticate']).toMatch(/^Bearer authorization="https:\/\/login\.windows\.net\/[^"]+", resource="https:\/\/vault\.azure\.net"$/);
    }
  }
});

test('api-version is required, any version is served as 7.0, and it may come percent-encoded', async ({ kv: { call } }) => {
  badParameter(await call('GET', '/certificates'));
  badParameter(await call('DELETE', '/certificates/someCert'));
  // No source says which versions a service refuses: the mock answers 7.0's shapes to all.
  expect((await call('GET', '/certificates?api-version=2025-07-01')).status).toBe(200);
  expect((await call('GET', '/certificates?api%2Dversion=7.0')).status).toBe(200);
  expect((await call('DELETE', '/certificates/someCert?api%2Dversion=7.0')).json.error.code).toBe('CertificateNotFound');
});

test('malformed import requests are BadParameter', async ({ kv: { call } }) => {
  const { key, cert } = await keyAndCert('wire');
  const other = await keyAndCert('other');
  const sec1 = createPrivateKey(key).export({ type: 'sec1', format: 'pem' }).toString();
  const bodies: [string, unknown][] = [
    ['not JSON', '{"value": '],
    ['no value', { pwd: 'x' }],
    ['value not a string', { value: 42 }],
    ['garbage text', { value: 'not a certificate at all!' }],
    ['garbage base64', { value: 'AAAA' + 'QUJD'.repeat(50) }],
    ['garbage PEM', { value: `${key}-----BEGIN CERTIFICATE-----\nZ2FyYmFnZQ==\n-----END CERTIFICATE-----\n` }],
    ['certificate without key', { value: cert }],
    ['key without certificate', { value: key }],
    ['key of another certificate', { value: other.key + cert }],
    ['SEC1 key, not PKCS#8', { value: sec1 + cert }],
    ['over the body limit', { value: key + cert + 'A'.repeat(1_100_000) }],
    ['unterminated BEGIN lines', { value: '-----BEGIN A-----'.repeat(50_000) }],
  ];
  for (const [why, body] of bodies) {
    const t0 = Date.now();
    const a = await call('POST', `/certificates/wireCert/import?${V}`, { body });
    expect.soft(Date.now() - t0, `${why}: answered without a long blocking parse`).toBeLessThan(2000);
    expect.soft(a.status, why).toBe(400);
    expect.soft(a.json?.error?.code, why).toBe('BadParameter');
  }
  for (const name of ['bad_name', 'a.b', 'caf%C3%A9']) badParameter(await call('POST', `/certificates/${name}/import?${V}`, { body: { value: key + cert } }));
  // The pattern belongs to import only: other operations simply do not find such a name.
  expect((await call('DELETE', `/certificates/a.b?${V}`)).status).toBe(404);
  expect((await call('POST', `/certificates/wireCert/import?${V}`, { body: { value: key + cert } })).status).toBe(200);
});

test('listing parameters out of range are BadParameter', async ({ kv: { call } }) => {
  for (const q of ['maxresults=0', 'maxresults=26', 'maxresults=two', 'includePending=maybe', '$skiptoken=%%%']) {
    badParameter(await call('GET', `/certificates?${V}&${q}`));
    badParameter(await call('GET', `/deletedcertificates?${V}&${q}`));
  }
});

test('unknown paths and methods get a KeyVaultError, not a crash', async ({ kv: { call } }) => {
  const unknown = await call('GET', `/secrets/x?${V}`);
  expect(unknown.status).toBe(404);
  expect(typeof unknown.json.error.code).toBe('string');
  const method = await call('PUT', `/certificates/someCert?${V}`);
  expect(method.status).toBe(405);
  expect(method.headers.allow).toContain('DELETE');
  expect((await call('GET', `/certificates/someCert?${V}`)).status).toBe(405);
  expect((await call('PATCH', `/${'x/'.repeat(300)}`)).status).toBe(404);
});

test('a request-target that starts with // is refused without a 5xx', async ({ kv: { call } }) => {
  expect((await call('GET', '/'.repeat(300))).status).toBe(404);
});
