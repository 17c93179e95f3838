import { expect, test } from '@playwright/test';
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterInterrupt } from '../../cli/interrupt.ts';
import { loadSpec } from '../../lib/spec/load.ts';
import { huaweiImportBody } from '../../suites/support/certs/import-bodies.ts';
import { selfSigned } from '../../suites/support/certs/generate.ts';
import { Checker } from '../../suites/support/checks/checker.ts';
import { ApiClient } from '../../suites/support/http/client.ts';
import { StepLog } from '../../suites/support/http/steps.ts';
import { WIRES } from '../../suites/support/http/wires/index.ts';
import { Ledger, outstanding } from '../../suites/support/ledger.ts';
import { Verdicts } from '../../suites/support/verdict/recorder.ts';
import { awsEnv, BIN, cli, startMock } from './support/cli.ts';

const until = async (what: string, ok: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

test('Ctrl-C stops the run: cleanup of what it created, "interrupted after N of M tests: no verdict", exit 130, a report marked interrupted that the gate refuses', async () => {
  test.setTimeout(240_000);
  const mock = await startMock(['aws-iot']);
  try {
    const line = mock.lines[0]!;
    const env = { ...awsEnv(line), AWS_REGION: 'us-east-1' };
    const run = cli(['run', '--target', `aws-iot=${line.url}`, '--workers', '2'], env);
    // CI mode prints `aws-iot@host: r/R rules (t/T tests)` as tests end; the first line names the run.
    await until('the run id', () => / run (\w+)\)/.test(run.text()), 60_000);
    const runId = / run (\w+)\)/.exec(run.text())![1]!;
    const ledger = join(run.dir, runId, 'ledger.jsonl');
    const ended = () => Math.max(0, ...[...run.text().matchAll(/\((\d+)\/\d+ tests\)/g)].map((m) => Number(m[1])));
    await until('a few tests to end with resources in flight', () => ended() >= 3 && existsSync(ledger) && outstanding(ledger).length > 0, 120_000);
    run.child.kill('SIGINT');
    const r = await run.exited;
    expect(r.code, r.out.slice(-3000)).toBe(130);
    const said = /certconform run: interrupted after (\d+) of (\d+) tests: no verdict; exit 130/.exec(r.out);
    expect(said, r.out.slice(-2000)).toBeTruthy();
    expect(Number(said![1])).toBeLessThan(Number(said![2]));
    // Neither a score nor a verdict about the target.
    expect(r.out).not.toMatch(/100\.0%|Conformant|rules? not met|does not answer|setup error/);
    const report = r.report();
    expect(report.run.interrupted).toEqual({ testsEnded: Number(said![1]), testsTotal: Number(said![2]) });
    expect(Object.values(report.summary).map((s) => s.score)).toEqual([null]);
    expect(report.run.setupErrors).toEqual([]);
    // What the run created is gone (its tests' own teardown, or the cleanup the run does after a
    // stop): a second cleanup over its ledger finds nothing left to delete.
    expect(r.out.includes('cleaning up what this run created') || outstanding(ledger).length === 0, r.out).toBe(true);
    const again = spawnSync(process.execPath, [BIN, 'cleanup', '--ledger', ledger], { encoding: 'utf8', env: { ...process.env, ...env } });
    expect(again.status, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).not.toMatch(/: deleted$/m);
    // The gate and the baseline refuse it: an interrupted run is no evidence.
    const gate = spawnSync(process.execPath, [BIN, 'gate', '--report', join(r.dir, 'conformance.json')], { encoding: 'utf8' });
    expect(gate.status).toBe(2);
    expect(gate.stdout + gate.stderr).toMatch(/the run was interrupted after \d+ of \d+ tests: no verdict/);
    const baseline = spawnSync(process.execPath, [BIN, 'baseline', '--from', join(r.dir, 'conformance.json'), '--out', join(r.dir, 'b.json')], { encoding: 'utf8' });
    expect(baseline.status).toBe(2);
    expect(baseline.stderr).toContain('interrupted');
  } finally {
    mock.stop();
  }
});

test('after a stop, what the run\'s ledger lists is deleted at its target before the run exits 130', async () => {
  test.setTimeout(60_000);
  const mock = await startMock(['huawei-scm']);
  const line = mock.lines[0]!;
  const saved = { ak: process.env.HUAWEICLOUD_SDK_AK, sk: process.env.HUAWEICLOUD_SDK_SK };
  try {
    const spec = loadSpec('huawei-scm');
    const target = { provider: 'huawei-scm' as const, name: 'mock', url: line.url, credentials: line.credentials };
    const api = new ApiClient(target, spec, WIRES['huawei-scm'], new Checker(spec, new Verdicts('huawei-scm'), new StepLog()));
    const reportDir = mkdtempSync(join(tmpdir(), 'cc-stop-'));
    const ledger = new Ledger(join(reportDir, 'rstop', 'ledger.jsonl'), 'rstop', line.url);
    const ex = await api.call('ImportCertificate', { body: huaweiImportBody('cc-rstop-1', await selfSigned({ subject: 'CN=stopped' })) });
    const id = (ex.body as { certificate_id: string }).certificate_id;
    ledger.created('huawei-scm', 'certificate', id); // the run was stopped before its teardown
    Object.assign(process.env, { HUAWEICLOUD_SDK_AK: line.credentials.ak, HUAWEICLOUD_SDK_SK: line.credentials.sk });
    expect(await afterInterrupt({ reportDir, runId: 'rstop', ownMock: false })).toBe(130);
    expect((await api.call('ShowCertificate', { path: { certificate_id: id } })).status).not.toBe(200);
  } finally {
    for (const [k, v] of [['HUAWEICLOUD_SDK_AK', saved.ak], ['HUAWEICLOUD_SDK_SK', saved.sk]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    mock.stop();
  }
});
