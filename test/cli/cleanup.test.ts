import { expect, test } from '@playwright/test';
import 'reflect-metadata';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../lib/paths.ts';
import { loadSpec } from '../../lib/spec/load.ts';
import { huaweiImportBody } from '../../suites/support/certs/import-bodies.ts';
import { selfSigned } from '../../suites/support/certs/generate.ts';
import { Checker } from '../../suites/support/checks/checker.ts';
import { ApiClient } from '../../suites/support/http/client.ts';
import { StepLog } from '../../suites/support/http/steps.ts';
import { WIRES } from '../../suites/support/http/wires/index.ts';
import { Ledger } from '../../suites/support/ledger.ts';
import { Verdicts } from '../../suites/support/verdict/recorder.ts';

const BIN = join(ROOT, 'bin', 'certconform.mjs');

test('cleanup deletes what a crashed run left (per its ledger), and a second pass finds it gone', async () => {
  test.setTimeout(60_000);
  const mock = spawn(process.execPath, [BIN, 'mock', '--json', '--port-base', '0', 'huawei-scm'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<{ url: string; credentials: { ak: string; sk: string } }>((resolve) => mock.stdout.once('data', (d) => resolve(JSON.parse(String(d)))));
  try {
    const spec = loadSpec('huawei-scm');
    const target = { provider: 'huawei-scm' as const, name: 'mock', url: line.url, credentials: line.credentials };
    const api = new ApiClient(target, spec, WIRES['huawei-scm'], new Checker(spec, new Verdicts('huawei-scm'), new StepLog()));
    const file = join(mkdtempSync(join(tmpdir(), 'cc-ledger-')), 'ledger.jsonl');
    const ledger = new Ledger(file, 'crashed', line.url);
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const cert = await selfSigned({ subject: `CN=cleanup-${n}` });
      const ex = await api.call('ImportCertificate', { body: huaweiImportBody(`cc-crashed-${n}`, cert) });
      expect(ex.status).toBe(200);
      ids.push((ex.body as { certificate_id: string }).certificate_id);
      ledger.created('huawei-scm', 'certificate', ids.at(-1)!);
    }
    await api.call('DeleteCertificate', { path: { certificate_id: ids[1]! } });
    ledger.deleted('huawei-scm', 'certificate', ids[1]!); // the run got this far, then crashed
    const env = { ...process.env, HUAWEICLOUD_SDK_AK: line.credentials.ak, HUAWEICLOUD_SDK_SK: line.credentials.sk };
    const first = spawnSync(process.execPath, [BIN, 'cleanup', '--ledger', file], { encoding: 'utf8', env });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`huawei-scm certificate ${ids[0]}: deleted`);
    expect(first.stdout).toContain('1 of 1 outstanding entries handled');
    expect((await api.call('ShowCertificate', { path: { certificate_id: ids[0]! } })).status).toBe(400);
    const again = spawnSync(process.execPath, [BIN, 'cleanup', '--ledger', file], { encoding: 'utf8', env });
    expect(again.stdout).toContain(`${ids[0]}: gone`);
    const usage = spawnSync(process.execPath, [BIN, 'cleanup'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--ledger FILE is required');
  } finally {
    mock.kill('SIGTERM');
  }
});
