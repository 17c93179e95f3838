import { expect, test } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outstanding } from '../../suites/support/ledger.ts';
import { BIN, startMock, stopMocksAfterEach, type MockProcess } from './mock-process.ts';
import { removeTempDirsAfterEach, tempDir } from './temp-dirs.ts';

removeTempDirsAfterEach();
stopMocksAfterEach();
let stopRun = () => {};
test.afterEach(() => stopRun());

// The suite against a mock that dies mid-run (kill -9): the run stops with one sentence and
// exit 2, its ledger is intact, and once the mock is back on its --durable state file,
// `certconform cleanup` deletes what the run left.

const awsEnv = (mock: MockProcess) => {
  const c = mock.lines['aws-iot']!.credentials;
  return { ...process.env, AWS_ACCESS_KEY_ID: c.accessKeyId!, AWS_SECRET_ACCESS_KEY: c.secretAccessKey! };
};

/** Names and ids in the mock's state (GET /__certconform/state). */
async function held(mock: MockProcess): Promise<Set<string>> {
  const s = (await (await fetch(`${mock.lines['aws-iot']!.url}/__certconform/state`)).json()) as Record<string, { certificateId?: string; thingName?: string; policyName?: string }[]>;
  return new Set([...s.certificates!, ...s.things!, ...s.policies!].map((r) => r.certificateId ?? r.thingName ?? r.policyName!));
}

test('a run whose target is killed stops with exit 2 and one sentence; cleanup finishes the job once the mock is back', async () => {
  test.setTimeout(180_000);
  const dir = tempDir('cc-suite-killed-');
  const state = join(dir, 'state.json');
  const reports = join(dir, 'reports');
  let mock = await startMock(['aws-iot'], ['--state', state, '--durable']);
  const url = mock.lines['aws-iot']!.url;
  // Its own process group, so that a failing test can stop the run with its Playwright workers.
  const run = spawn(process.execPath, [BIN, 'run', 'aws-iot', '--target', `aws-iot=${url}`, '--report-dir', reports, '--workers', '2'], { env: awsEnv(mock), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  stopRun = () => run.exitCode === null && process.kill(-run.pid!, 'SIGTERM');
  let output = '';
  run.stdout.on('data', (d) => (output += d));
  run.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((r) => run.once('exit', (code) => r(code)));

  // Kill the mock while the run holds resources (the ledger lists some not deleted yet).
  const ledgerFile = () => (existsSync(reports) ? readdirSync(reports).map((d) => join(reports, d, 'ledger.jsonl')).find(existsSync) : undefined);
  const holding = () => {
    const file = ledgerFile();
    return !!file && readFileSync(file, 'utf8').split('\n').length > 4 && outstanding(file).length > 0;
  };
  for (const until = Date.now() + 120_000; !holding(); ) {
    if (Date.now() > until || run.exitCode !== null) throw new Error(`the run never held resources: ${output}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  await mock.kill9();
  const code = await exited;

  expect(code, output).toBe(2);
  expect(output).toMatch(/certconform run: setup error( \(\d+ tests?\))?: /);
  expect(output).toContain(`the target ${url} does not answer (`);
  expect(output.match(/^ERROR /gm)?.length ?? 0, output).toBeLessThanOrEqual(4); // the tests in flight, not one per test
  expect(output, 'no stack traces').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

  const ledger = ledgerFile()!;
  const lines = readFileSync(ledger, 'utf8').split('\n').filter(Boolean);
  for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
  const left = outstanding(ledger);
  expect(left.length).toBeGreaterThan(0);

  // Back on the same state file: what the run was told it created is still there.
  mock = await startMock(['aws-iot'], ['--state', state, '--durable']);
  try {
    const before = await held(mock);
    // Only a request in flight at the kill (one per worker) can have deleted what the ledger still lists.
    expect(left.filter((e) => !before.has(e.id)).length).toBeLessThanOrEqual(2);
    const cleanup = spawnSync(process.execPath, [BIN, 'cleanup', '--ledger', ledger, '--target', `aws-iot=${mock.lines['aws-iot']!.url}`], { env: awsEnv(mock), encoding: 'utf8', timeout: 60_000 });
    expect(cleanup.status, cleanup.stdout + cleanup.stderr).toBe(0);
    for (const e of left.filter((x) => before.has(x.id))) expect(cleanup.stdout).toContain(`${e.kind} ${e.id}: deleted`);
    const after = await held(mock);
    expect(lines.map((l) => JSON.parse(l).id as string).filter((id) => after.has(id))).toEqual([]);
  } finally {
    await mock.stop();
  }
});
