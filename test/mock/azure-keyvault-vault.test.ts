import { expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAzureKeyVault, reset, snapshot, type Vault } from '../../mock/providers/azure-keyvault/index.ts';
import { certPem, importCert, start, test, V } from './azure-kv-harness.ts';

// Vault-wide behaviour over raw HTTPS: recovery levels, listing pages, concurrent deletes,
// the snapshot/reset a control API uses, and the PFX import format.

test('recovery levels: Purgeable deletes for good, Recoverable refuses purge', async () => {
  const hard = await start(createAzureKeyVault({ recoveryLevel: 'Purgeable' }));
  await importCert(hard, 'hardCert');
  const del = await hard.call('DELETE', '/certificates/hardCert');
  expect(del.status).toBe(200);
  expect(del.json.recoveryId).toBeUndefined();
  expect((await hard.call('GET', '/deletedcertificates/hardCert')).status).toBe(404);
  expect((await hard.call('POST', '/certificates/hardCert/import', { value: await certPem() })).status).toBe(200);
  const soft = await start(createAzureKeyVault({ recoveryLevel: 'Recoverable' }));
  await importCert(soft, 'softCert');
  await soft.call('DELETE', '/certificates/softCert');
  expect((await soft.call('DELETE', '/deletedcertificates/softCert')).status).toBe(403);
  expect((await soft.call('GET', '/deletedcertificates/softCert')).status).toBe(200);
  for (const kv of [hard, soft]) await kv.served.close();
  expect([...hard.served.violations, ...soft.served.violations]).toEqual([]);
  expect(() => createAzureKeyVault({ recoveryLevel: 'Sometimes' }).createState(hard.served.ctx)).toThrow(/recoveryLevel/);
});

test('paging by maxresults and nextLink returns each name once, null after the last page', async ({ kv }) => {
  const names = ['pg-a', 'pg-b', 'pg-c', 'pg-d', 'pg-e'];
  for (const n of names) await importCert(kv, n);
  const seen: string[] = [];
  let link: string | null = `${kv.served.url}/certificates?maxresults=2&${V}`;
  let pages = 0;
  for (; link; pages++) {
    expect(pages).toBeLessThan(3);
    const url: URL = new URL(link);
    const a = await kv.call('GET', `${url.pathname}${url.search}`);
    expect(a.json.value.length).toBeLessThanOrEqual(2);
    seen.push(...a.json.value.map((i: { id: string }) => i.id.split('/').pop()));
    link = a.json.nextLink;
    if (link) await kv.call('DELETE', `/certificates/${names[seen.length]}`); // the next page's first name
  }
  // pg-c was deleted between the pages: the marker still continues right after pg-b.
  expect(seen).toEqual(['pg-a', 'pg-b', 'pg-d', 'pg-e']);
  expect(pages).toBe(2);
});

test('concurrent deletes of one name: exactly one wins, state stays consistent', async ({ kv }) => {
  await importCert(kv, 'raceCert');
  const answers = await Promise.all(Array.from({ length: 20 }, () => kv.call('DELETE', '/certificates/raceCert')));
  expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(19).fill(404)]);
  const s = snapshot(kv.served.state);
  expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  expect([s.certificates.length, s.deletedCertificates.length]).toEqual([0, 1]);
  reset(kv.served.state);
  expect((await kv.call('GET', '/deletedcertificates/raceCert')).status).toBe(404);
});

test('a base64 PFX imports with its password; a wrong password is BadParameter', async ({ kv }) => {
  // Node cannot write PKCS#12, so the PFX comes from the openssl command where there is one.
  let pfx: string;
  try {
    const dir = mkdtempSync(join(tmpdir(), 'certconform-pfx-'));
    writeFileSync(join(dir, 'in.pem'), await certPem());
    execFileSync('openssl', ['pkcs12', '-export', '-in', join(dir, 'in.pem'), '-out', join(dir, 'out.pfx'), '-passout', 'pass:pfx-pw'], { stdio: 'ignore' });
    pfx = readFileSync(join(dir, 'out.pfx')).toString('base64');
  } catch {
    test.skip(true, 'no openssl command to make a PFX with');
    return;
  }
  const ok = await kv.call('POST', '/certificates/pfxCert/import', { value: pfx, pwd: 'pfx-pw' });
  expect(ok.status).toBe(200);
  expect(ok.json.policy.secret_props.contentType).toBe('application/x-pkcs12');
  const bad = await kv.call('POST', '/certificates/pfxCert/import', { value: pfx, pwd: 'wrong' });
  expect([bad.status, bad.json.error.code]).toEqual([400, 'BadParameter']);
});
