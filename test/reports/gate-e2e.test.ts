import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../lib/paths.ts';
import type { ConformanceReport } from '../../reports/report.ts';
import { schemaProblems } from '../../reports/schema/validate.ts';

// Made in the worker (not at import: the runner imports test files to list them).
let dir = '';
test.beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'cc-gate-'))));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A deliberately broken target: the aws-iot engine with one mutant that deletes ACTIVE certificates.
const MUTANT = { CERTCONFORM_MOCK_ARGS: '--mutant aws-iot/delete-active-allowed' };
// A fixed seed: which other MUST rules the model judges before it meets the mutant depends on
// the sequence it draws (a sequence that starts by deleting an ACTIVE certificate judges none).
const RUN = ['run', 'aws-iot', '--grep', 'AWSIOT-DEL-001', '--runs', '5', '--seed', '42'];

/** Runs the certconform command as a user would; resolves with its exit code and output. */
function certconform(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'certconform.mjs'), ...args], { env: { ...process.env, CI: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise<{ code: number | null; out: string }>((resolve) => child.on('exit', (code) => resolve({ code, out })));
}
const write = (name: string, doc: unknown) => {
  writeFileSync(join(dir, name), JSON.stringify(doc));
  return join(dir, name);
};

// Each step uses the previous one's files; the runs start the mock: one at a time.
test.describe.configure({ mode: 'serial' });
const first = () => join(dir, 'first');
const report = () => JSON.parse(readFileSync(join(first(), 'conformance.json'), 'utf8')) as ConformanceReport;

test('a broken target fails its rule with evidence, other rules pass, the report is schema-valid, exit 1', async () => {
  test.setTimeout(180_000);
  const r = await certconform([...RUN, '--report-dir', first()], MUTANT);
  expect(r.code, r.out.slice(-3000)).toBe(1);
  const rules = report().rules;
  const del = rules.find((x) => x.id === 'AWSIOT-DEL-001')!;
  expect(del.outcome).toBe('failed');
  expect(del.failure!.received).toBe('200');
  expect(del.failure!.documented).toContain('406 CertificateStateException');
  expect(del.failure!.steps.some((s) => s.operation === 'DeleteCertificate' && s.curl.startsWith('curl '))).toBe(true);
  const passedMust = rules.filter((x) => x.level === 'MUST' && x.outcome === 'passed').map((x) => x.id);
  expect(passedMust.length, 'other MUST rules passed').toBeGreaterThan(0);
  expect(schemaProblems('conformance', report())).toEqual([]);
});

test('certconform baseline --from writes the failed rule with a reason; the same run with --baseline exits 0', async () => {
  test.setTimeout(180_000);
  const out = join(dir, 'baseline.json');
  const b = await certconform(['baseline', '--from', join(first(), 'conformance.json'), '--out', out, '--reason', 'IOT-12 accepted until the fix']);
  expect(b.code, b.out).toBe(0);
  expect(b.out).toContain('AWSIOT-DEL-001 (aws-iot): IOT-12 accepted until the fix');
  expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ version: 1, entries: [{ rule: 'AWSIOT-DEL-001', provider: 'aws-iot', reason: 'IOT-12 accepted until the fix' }] });
  const again = await certconform([...RUN, '--report-dir', join(dir, 'second'), '--baseline', out], MUTANT);
  expect(again.code, again.out.slice(-3000)).toBe(0);
  expect(again.out).toContain('1 known deviation(s) still fail as the baseline says');
  expect(again.out).toMatch(/certconform run: gate passed/);
});

test('certconform gate: a new failure, a stale entry (unless allowed), a low score exit 1', async () => {
  const from = ['gate', '--report', join(first(), 'conformance.json')];
  const plain = await certconform(from);
  expect(plain.code, plain.out).toBe(1);
  expect(plain.out).toMatch(/AWSIOT-DEL-001@mock MUST \| - .*\| NEW FAILURE/);
  // A rule the run judged and passed (which ones the random sequences reach varies with the seed).
  const passed = report().rules.find((x) => x.level === 'MUST' && x.outcome === 'passed')!.id;
  const stale = write('stale.json', { version: 1, entries: [{ rule: 'AWSIOT-DEL-001', provider: 'aws-iot', reason: 'r' }, { rule: passed, provider: 'aws-iot', reason: 'fixed last week' }] });
  const s = await certconform([...from, '--baseline', stale]);
  expect(s.code, s.out).toBe(1);
  expect(s.out).toMatch(new RegExp(`${passed}@mock MUST \\| known: fixed last week \\| passed +\\| STALE ENTRY: remove it`));
  expect(s.out).toContain('certconform gate failed: 1 stale baseline entry; exit 1');
  const allowed = await certconform([...from, '--baseline', stale, '--allow-stale-baseline', '--min-score', 'aws-iot=0.5']);
  expect(allowed.code, allowed.out).toBe(0);
  const low = await certconform([...from, '--baseline', stale, '--allow-stale-baseline', '--min-score', 'aws-iot=0.99']);
  expect(low.code, low.out).toBe(1);
  expect(low.out).toMatch(/min score aws-iot >= 0.99: aws-iot@mock \d+\.\d% BELOW THE MINIMUM/);
});

test('a bad baseline file is exit 2 naming the entry, before anything runs', async () => {
  const bad = write('bad.json', { version: 1, entries: [{ rule: 'AWSIOT-DEL-001', provider: 'aws-iot', reason: 'r' }, { rule: 'AWSIOT-DEL-999', provider: 'aws-iot', reason: 'r' }] });
  const run = await certconform([...RUN, '--report-dir', join(dir, 'never'), '--baseline', bad], MUTANT);
  expect(run.code, run.out).toBe(2);
  expect(run.out).toContain('entry 2 AWSIOT-DEL-999 (aws-iot): unknown rule id');
  expect(existsSync(join(dir, 'never')), 'no run started').toBe(false);
  const gate = await certconform(['gate', '--report', join(first(), 'conformance.json'), '--baseline', write('date.json', { version: 1, entries: [{ rule: 'AWSIOT-DEL-001', provider: 'aws-iot', reason: 'r', expires: '31/01/2027' }] })]);
  expect(gate.code, gate.out).toBe(2);
  expect(gate.out).toContain('entry 1 AWSIOT-DEL-001 (aws-iot): expires must match format "date"');
  const notReport = await certconform(['gate', '--report', bad]);
  expect(notReport.code).toBe(2);
  expect(notReport.out).toContain('is not a conformance report');
});
