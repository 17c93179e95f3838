import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { expect, test as base } from '@playwright/test';
import { webcrypto } from 'node:crypto';
import { request } from 'node:https';
import { serve, type Served } from '../../mock/host/server.ts';
import { azureKeyVault, tlsMaterial, type Vault } from '../../mock/providers/azure-keyvault/index.ts';

// The azure-keyvault mock over raw HTTPS, shared by its lifecycle and vault tests: a vault on a
// free port, a bearer-token caller, one real certificate with its key, and an import helper.

export const crypto = webcrypto as unknown as Crypto;
export const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
export const DAY_MS = 86_400_000;
export const V = 'api-version=7.0';
export type Answer = { status: number; json: any };
export type Kv = { served: Served<Vault>; call: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer> };

export async function start(module = azureKeyVault): Promise<Kv> {
  const tls = await tlsMaterial();
  const served = await serve(module, { strict: true, tls: { key: tls.keyPem, cert: tls.certPem } });
  const call = (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const headers = { authorization: 'Bearer certconform-token', 'content-type': 'application/json', ...extra };
      const req = request(`${served.url}${path}${path.includes('?') ? '&' : '?'}${V}`, { method, ca: tls.caPem, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, json: text ? JSON.parse(text) : undefined });
        });
      });
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  return { served, call };
}

/** Runs a test body on a fresh vault and checks strict mode saw nothing wrong. */
export const test = base.extend<{ kv: Kv }>({
  kv: async ({}, use) => {
    const kv = await start();
    await use(kv);
    await kv.served.close();
    expect(kv.served.violations).toEqual([]);
  },
});

let pem: Promise<string> | undefined;
/** One real certificate with its PKCS#8 key (EC P-256, ten days valid, from a fixed date). */
export const certPem = () =>
  (pem ??= (async () => {
    const keys = await crypto.subtle.generateKey(EC, true, ['sign', 'verify']);
    const notBefore = new Date('2026-01-01T00:00:00Z');
    const notAfter = new Date(notBefore.getTime() + 10 * DAY_MS);
    const cert = await x509.X509CertificateGenerator.createSelfSigned({ name: 'CN=lifecycle', keys, notBefore, notAfter, signingAlgorithm: EC }, crypto);
    const key = x509.PemConverter.encode(await crypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
    return `${key}\n${cert.toString('pem')}\n`;
  })());

export const importCert = async (kv: Kv, name: string, extra: Record<string, unknown> = {}) => {
  const a = await kv.call('POST', `/certificates/${name}/import`, { value: await certPem(), ...extra });
  expect(a.status, JSON.stringify(a.json)).toBe(200);
  return a.json;
};
