import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConformanceReport } from '../../reports/report.ts';
import { outstanding } from '../../suites/support/ledger.ts';
import { BIN, startMock, stopMocksAfterEach, type MockLine } from '../state/mock-process.ts';

// AZKV-PUR-007 (the system purge at scheduledPurgeDate) runs only where the target's clock can
// move, in the isolated clock phase; these runs select it (and one quick rule) with --grep.
let dir = '';
test.beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'cc-clock-'))));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
stopMocksAfterEach();
// Each run starts Playwright (and most a mock): one test at a time on a shared machine.
test.describe.configure({ mode: 'serial' });

/** `certconform run azure-keyvault ...` as a user would; exit code, output and the report. */
async function run(name: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const out = join(dir, name);
  const child = spawn(process.execPath, [BIN, 'run', 'azure-keyvault', '--report-dir', out, ...args], { env: { ...process.env, CI: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (d) => (text += d));
  child.stderr.on('data', (d) => (text += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const report = () => JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as ConformanceReport;
  const rule = (id: string) => report().rules.find((r) => r.id === id)!;
  const ledger = () => readdirSync(out).filter((f) => f.startsWith('r')).flatMap((run) => outstanding(join(out, run, 'ledger.jsonl')));
  return { code, text, out, report, rule, ledger };
}

test('built-in mock: AZKV-PUR-007 passes in the clock phase, in the target\'s one column; the never-purging mutant fails it', async () => {
  test.setTimeout(180_000);
  const grep = ['--grep', 'AZKV-PUR-007'];
  const clean = await run('clean', grep);
  expect(clean.code, clean.text.slice(-3000)).toBe(0);
  expect(clean.text).toContain('azure-keyvault@mock:clock');
  expect(clean.rule('AZKV-PUR-007')).toMatchObject({ outcome: 'passed', target: 'mock' });
  expect(clean.rule('AZKV-LST-002').outcome).toBe('passed');
  // One column: the clock project's verdicts fold into azure-keyvault@mock, one row per rule.
  const r = clean.report();
  expect(r.run.targets.map((t) => t.project)).toEqual(['azure-keyvault@mock']);
  expect(Object.keys(r.summary)).toEqual(['azure-keyvault@mock']);
  expect(new Set(r.rules.map((x) => x.id)).size).toBe(r.rules.length);
  const junit = readFileSync(join(clean.out, 'junit.xml'), 'utf8');
  expect([...new Set([...junit.matchAll(/classname="([^"]+)"/g)].map((m) => m[1]))]).toEqual(['azure-keyvault@mock']);
  expect(clean.ledger(), 'cleanup deleted what the run created').toEqual([]);

  // A short poll bound: the mutant keeps the certificate, and the suite waits that long for it to go.
  const mutant = await run('mutant', grep, { CERTCONFORM_MOCK_ARGS: '--mutant azure-keyvault/system-purge-never-runs', CERTCONFORM_AZKV_POLL_MS: '1500' });
  expect(mutant.code, mutant.text.slice(-3000)).toBe(1);
  expect(mutant.rule('AZKV-PUR-007')).toMatchObject({ outcome: 'failed', failure: { received: '200', documented: '404' } });
  expect(mutant.ledger(), 'cleanup purged the certificate the mutant kept').toEqual([]);
});

test('a target given by URL: without a clock the rule is not run, saying why; CERTCONFORM_CLOCK gives it the clock phase', async () => {
  test.setTimeout(180_000);
  const mock = await startMock(['azure-keyvault'], []);
  const line = mock.lines['azure-keyvault'] as MockLine & { clock?: string };
  expect(line.clock, 'the mock prints its clock').toBe(`${line.url}/__certconform/clock`);
  const args = ['--target', `azure-keyvault=${line.url}`, '--grep', 'AZKV-PUR-00[17]'];
  const env = { AZURE_KEYVAULT_TOKEN: line.credentials.bearerToken, NODE_EXTRA_CA_CERTS: line.caFile };
  const plain = await run('plain', args, env);
  expect(plain.code, plain.text.slice(-3000)).toBe(0);
  expect(plain.text).not.toContain(':clock');
  expect(plain.rule('AZKV-PUR-001').outcome).toBe('passed');
  expect(plain.rule('AZKV-PUR-007')).toMatchObject({ outcome: 'not-run', reason: expect.stringContaining('no movable clock') });

  const moved = await run('moved', args, { ...env, CERTCONFORM_CLOCK: `azure-keyvault=${line.clock}` });
  expect(moved.code, moved.text.slice(-3000)).toBe(0);
  expect(moved.rule('AZKV-PUR-007').outcome).toBe('passed');
  expect(moved.report().run.targets.map((t) => t.project)).toEqual([`azure-keyvault@${new URL(line.url).host}`]);
  expect(moved.ledger()).toEqual([]);

  const bad = await run('bad', args, { ...env, CERTCONFORM_CLOCK: 'azure-keyvault:http://x' });
  expect(bad.code).toBe(2);
  expect(bad.text).toContain('CERTCONFORM_CLOCK takes provider=URL pairs');
  await mock.stop();
});
