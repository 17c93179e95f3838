import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadSpec } from '../../lib/spec/load.ts';
import { createAzureKeyVault, tlsMaterial } from '../../mock/providers/azure-keyvault/index.ts';
import { createVault } from '../../mock/providers/azure-keyvault/vault.ts';
import { removeCertificate } from '../../suites/azure-keyvault/cleanup.ts';
import { Checker } from '../../suites/support/checks/checker.ts';
import { ApiClient } from '../../suites/support/http/client.ts';
import { StepLog } from '../../suites/support/http/steps.ts';
import { WIRES } from '../../suites/support/http/wires/index.ts';
import { Verdicts } from '../../suites/support/verdict/recorder.ts';
import { certPem, DAY_MS, start } from './azure-kv-harness.ts';

// What the real service does (recorded at 7.0, specs/recordings/azure-keyvault/): a purge during
// the deletion's processing answers 409 ObjectIsBeingDeleted; a retention under 90 days reads
// CustomizedRecoverable*. Both are opt-in options of the mock (off by default).

test('a purge while the deletion is processed answers 409 ObjectIsBeingDeleted and purges nothing; then 204', async () => {
  const kv = await start(createAzureKeyVault({ deletedVisibleAfterMs: 60_000 }));
  expect((await kv.call('POST', '/certificates/busyCert/import', { value: await certPem() })).status).toBe(200);
  expect((await kv.call('DELETE', '/certificates/busyCert')).status).toBe(200);
  const purge = await kv.call('DELETE', '/deletedcertificates/busyCert');
  expect(purge).toEqual({ status: 409, json: { error: { code: 'Conflict', message: 'Certificate is currently being deleted.', innererror: { code: 'ObjectIsBeingDeleted' } } } });
  kv.served.ctx.clock.advance(60_000);
  expect((await kv.call('GET', '/deletedcertificates/busyCert')).status).toBe(200);
  expect((await kv.call('DELETE', '/deletedcertificates/busyCert')).status).toBe(204);
  expect((await kv.call('DELETE', '/deletedcertificates/busyCert')).status).toBe(404);
  await kv.served.close();
  expect(kv.served.violations).toEqual([]);
});

for (const [days, level] of [[7, 'CustomizedRecoverable+Purgeable'], [30, 'CustomizedRecoverable+Purgeable'], [90, 'Recoverable+Purgeable']] as const) {
  test(`a ${days}-day retention reports ${level} and schedules the purge ${days} days after the delete`, async () => {
    const kv = await start(createAzureKeyVault({ retentionDays: days }));
    const imp = await kv.call('POST', '/certificates/keptCert/import', { value: await certPem() });
    expect(imp.json.attributes.recoveryLevel).toBe(level);
    const del = await kv.call('DELETE', '/certificates/keptCert');
    expect(del.json.attributes.recoveryLevel).toBe(level);
    expect(del.json.scheduledPurgeDate - del.json.deletedDate).toBe((days * DAY_MS) / 1000);
    expect((await kv.call('GET', '/deletedcertificates')).json.value[0].attributes.recoveryLevel).toBe(level);
    await kv.served.close();
    expect(kv.served.violations).toEqual([]);
  });
}

test('a retention outside 7..90 days or an unknown recovery level is refused', () => {
  const clock = { now: () => 0, nowSeconds: () => 0 } as never;
  expect(() => createVault(clock, { retentionDays: 6 })).toThrow(/7\.\.90/);
  expect(() => createVault(clock, { retentionDays: 91 })).toThrow(/7\.\.90/);
  expect(() => createVault(clock, { recoveryLevel: 'Recoverable+Whatever' })).toThrow(/not one of/);
});

test("cleanup keeps purging through the 409 of a deletion being processed instead of leaving the certificate behind", async () => {
  const kv = await start(createAzureKeyVault({ deletedVisibleAfterMs: 800 }));
  expect((await kv.call('POST', '/certificates/leftCert/import', { value: await certPem() })).status).toBe(200);
  expect((await kv.call('DELETE', '/certificates/leftCert')).status).toBe(200); // a crashed run got this far
  const caFile = join(tmpdir(), `cc-kv-ca-${process.pid}.pem`);
  writeFileSync(caFile, (await tlsMaterial()).caPem);
  const spec = loadSpec('azure-keyvault');
  const target = { provider: 'azure-keyvault' as const, name: 'mock', url: kv.served.url, credentials: { bearerToken: 'token' }, caFile };
  const api = new ApiClient(target, spec, WIRES['azure-keyvault'], new Checker(spec, new Verdicts('azure-keyvault'), new StepLog()));
  // The ledger does not know the deletion is in flight: DELETE answers 404, the purge 409 for 0.8 s.
  expect(await removeCertificate(api, 'leftCert')).toBe('deleted');
  expect((await kv.call('GET', '/deletedcertificates/leftCert')).status).toBe(404);
  await kv.served.close();
});
