import 'reflect-metadata';
import { CertificateClient, type KeyVaultCertificateWithPolicy } from '@azure/keyvault-certificates';
import * as x509 from '@peculiar/x509';
import { expect, test as base } from '@playwright/test';
import { webcrypto } from 'node:crypto';
import { serve, type Served } from '../../mock/host/server.ts';
import { azureKeyVault, createAzureKeyVault, tlsMaterial, type Vault } from '../../mock/providers/azure-keyvault/index.ts';

// The official client, unchanged but for what a loopback HTTPS vault needs: the mock's URL,
// api-version 7.0, a token stub, no challenge-resource check, no retries, trust of the mock's CA.

const crypto = webcrypto as unknown as Crypto;
const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
/** A token stub; its type is the client's own (core-auth is only a transitive dependency). */
const credential: ConstructorParameters<typeof CertificateClient>[1] = { getToken: async () => ({ token: 'certconform-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };
const POLL = { intervalInMs: 5 };

/** A real self-signed certificate with its PKCS#8 key, as one PEM text. */
async function pemWithKey(cn: string): Promise<string> {
  const keys = await crypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({ name: `CN=${cn}`, keys, signingAlgorithm: EC }, crypto);
  const key = x509.PemConverter.encode(await crypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
  return `${key}\n${cert.toString('pem')}\n`;
}

async function start(module = azureKeyVault) {
  const tls = await tlsMaterial();
  const served = await serve(module, { strict: true, tls: { key: tls.keyPem, cert: tls.certPem } });
  const client = new CertificateClient(served.url, credential, {
    serviceVersion: '7.0',
    disableChallengeResourceVerification: true,
    retryOptions: { maxRetries: 0 },
    tlsOptions: { ca: tls.caPem },
  });
  return { served, client };
}

const test = base.extend<{ kv: { served: Served<Vault>; client: CertificateClient } }>({
  kv: async ({}, use) => {
    const kv = await start();
    await use(kv);
    await kv.served.close();
    expect(kv.served.violations, 'strict mode found replies that break the spec').toEqual([]);
  },
});

const importPem = (client: CertificateClient, name: string, pem: string) =>
  client.importCertificate(name, new TextEncoder().encode(pem), { policy: { contentType: 'application/x-pem-file' } });

const status = (p: Promise<unknown>) => p.then(() => 200, (e: { statusCode?: number }) => e.statusCode);

test('import, delete, conflict, recover, purge and reuse with the official client', async ({ kv: { client } }) => {
  const pem = await pemWithKey('sdk-flow');
  let imported!: KeyVaultCertificateWithPolicy;
  await test.step('import and get', async () => {
    imported = await importPem(client, 'sdkFlow', pem);
    expect(imported.name).toBe('sdkFlow');
    expect(imported.properties.version).toMatch(/^[0-9a-f]{32}$/);
    const got = await client.getCertificate('sdkFlow');
    expect(got.id).toBe(imported.id);
    expect(Buffer.from(got.cer!).equals(Buffer.from(imported.cer!))).toBe(true);
  });
  await test.step('delete, then the deleted store has it and the live one does not', async () => {
    const poller = await client.beginDeleteCertificate('sdkFlow', POLL);
    const deleted = await poller.pollUntilDone();
    expect(deleted.recoveryId).toMatch(/\/deletedcertificates\/sdkFlow$/);
    const again = await client.getDeletedCertificate('sdkFlow');
    expect(again.recoveryId).toBe(deleted.recoveryId);
    expect(again.deletedOn!.getTime()).toBeLessThan(again.scheduledPurgeDate!.getTime());
    expect(await status(client.getCertificate('sdkFlow'))).toBe(404);
  });
  await test.step('the name cannot be reused while recoverable', async () => {
    const err = await importPem(client, 'sdkFlow', pem).catch((e: unknown) => e as { statusCode?: number; code?: string });
    expect(err).toMatchObject({ statusCode: 409, code: 'Conflict' });
  });
  await test.step('recover brings back the same certificate', async () => {
    const recovered = await (await client.beginRecoverDeletedCertificate('sdkFlow', POLL)).pollUntilDone();
    expect(recovered.id).toBe(imported.id);
    expect((await client.getCertificate('sdkFlow')).properties.version).toBe(imported.properties.version);
  });
  await test.step('delete and purge free the name', async () => {
    await (await client.beginDeleteCertificate('sdkFlow', POLL)).pollUntilDone();
    await client.purgeDeletedCertificate('sdkFlow');
    expect(await status(client.getDeletedCertificate('sdkFlow'))).toBe(404);
    const reimported = await importPem(client, 'sdkFlow', pem);
    expect(reimported.properties.version).not.toBe(imported.properties.version);
  });
});

test('listing pages follow nextLink and list every certificate once', async ({ kv: { client } }) => {
  // The client sends no maxresults (4.10.3 ignores maxPageSize): 27 names make the
  // service's default page of 25 and a second page reached through nextLink.
  const pem = await pemWithKey('sdk-list');
  const names = Array.from({ length: 27 }, (_, i) => `list-${String(i).padStart(2, '0')}`);
  await Promise.all(names.map((n) => importPem(client, n, pem)));
  await (await client.beginDeleteCertificate('list-13', POLL)).pollUntilDone();
  const pages: string[][] = [];
  for await (const page of client.listPropertiesOfCertificates().byPage()) pages.push(page.map((p) => p.name!));
  expect(pages.map((p) => p.length)).toEqual([25, 1]);
  expect(pages.flat()).toEqual(names.filter((n) => n !== 'list-13'));
  const deleted: string[] = [];
  for await (const d of client.listDeletedCertificates()) deleted.push(d.name!);
  expect(deleted).toEqual(['list-13']);
});

test('the delete poller keeps polling while the deletion is being processed', async () => {
  const { served, client } = await start(createAzureKeyVault({ deletedVisibleAfterMs: 150 }));
  try {
    await importPem(client, 'slowDelete', await pemWithKey('slow'));
    const t0 = Date.now();
    const deleted = await (await client.beginDeleteCertificate('slowDelete', POLL)).pollUntilDone();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(deleted.name).toBe('slowDelete');
    expect((await client.getDeletedCertificate('slowDelete')).recoveryId).toBe(deleted.recoveryId);
  } finally {
    await served.close();
  }
  expect(served.violations).toEqual([]);
});
