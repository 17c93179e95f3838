import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../lib/paths.ts';
import type { ConformanceReport } from '../../reports/report.ts';
import { schemaProblems } from '../../reports/schema/validate.ts';

const BIN = join(ROOT, 'bin', 'certconform.mjs');
let TMP = '';

/** Runs `certconform ...` as a user would; resolves with the exit code and the output. */
function certconform(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise<{ code: number | null; out: string }>((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

const report = (dir: string) => JSON.parse(readFileSync(join(dir, 'conformance.json'), 'utf8')) as ConformanceReport;
const outcomes = (r: ConformanceReport) => Object.fromEntries(r.rules.map((x) => [`${x.id}@${x.target}`, x.outcome]));
const testsOf = (r: ConformanceReport) => new Set(r.rules.flatMap((x) => x.tests));

// One provider, fewer model sequences than the default: the same run three times, kept short.
const RUN = ['huawei-scm', '--seed', '7', '--runs', '8'];

test.describe.configure({ mode: 'serial' });
test.beforeAll(() => {
  TMP = mkdtempSync(join(tmpdir(), 'cc-merge-test-'));
});
test.afterAll(() => rmSync(TMP, { recursive: true, force: true }));

test('two shards merged give the rule outcomes of the unsharded run, with one conformance.json, index.html and junit.xml', async () => {
  test.setTimeout(300_000); // three runs at once, on a machine that may be shared
  const dir = (name: string) => join(TMP, name);
  const [full, s1, s2] = await Promise.all([
    certconform(['run', ...RUN, '--report-dir', dir('full')]),
    certconform(['run', ...RUN, '--shard', '1/2', '--report-dir', dir('s1')]),
    certconform(['run', ...RUN, '--shard', '2/2', '--report-dir', dir('s2')]),
  ]);
  for (const r of [full, s1, s2]) expect(r.code, r.out.slice(-2000)).toBe(0);
  expect(existsSync(join(dir('s1'), 'blob', 'report-1-of-2.zip'))).toBe(true);
  expect(existsSync(join(dir('s2'), 'blob', 'report-2-of-2.zip'))).toBe(true);
  expect(existsSync(join(dir('full'), 'blob'))).toBe(false);
  // The shards really split the work: each ran part of the tests, together all of them.
  const [all, one, two] = [testsOf(report(dir('full'))), testsOf(report(dir('s1'))), testsOf(report(dir('s2')))];
  expect(one.size).toBeLessThan(all.size);
  expect(two.size).toBeLessThan(all.size);
  expect(new Set([...one, ...two])).toEqual(all);

  const merged = await certconform(['report', 'merge', dir('s1'), dir('s2'), '--report-dir', dir('merged')]);
  expect(merged.code, merged.out.slice(-2000)).toBe(0);
  expect(merged.out).toContain('certconform report merge: 2 shard(s) of run s7 (seed 7)');
  const m = report(dir('merged'));
  const f = report(dir('full'));
  expect(outcomes(m)).toEqual(outcomes(f));
  expect(Object.keys(outcomes(m)).length).toBeGreaterThan(20);
  expect(testsOf(m)).toEqual(all);
  expect(m.run).toMatchObject({ seed: 7, runId: 's7', targets: f.run.targets });
  expect(m.summary).toEqual(f.summary);
  expect(schemaProblems('conformance', m)).toEqual([]);
  const junit = readFileSync(join(dir('merged'), 'junit.xml'), 'utf8');
  expect(junit.match(/<testcase /g)?.length).toBe(m.rules.length);
  expect(readFileSync(join(dir('merged'), 'index.html'), 'utf8')).toContain('HWSCM-DEL-001');
  expect(existsSync(join(dir('merged'), 'playwright-report', 'index.html'))).toBe(true);
});

test('merge refuses what would not be one whole run: no blobs, mixed seeds, a missing shard (exit 2, saying which)', async () => {
  test.setTimeout(180_000);
  const empty = join(TMP, 'empty');
  mkdirSync(empty);
  const none = await certconform(['report', 'merge', empty, '--report-dir', join(TMP, 'x')]);
  expect(none.code).toBe(2);
  expect(none.out).toContain('no blob reports');

  const other = await certconform(['run', 'huawei-scm', '--seed', '8', '--shard', '1/1', '--grep', 'HWSCM-DEL-006', '--report-dir', join(TMP, 'seed8')]);
  expect(other.code, other.out.slice(-2000)).toBe(0);
  const mixed = await certconform(['report', 'merge', join(TMP, 's1'), join(TMP, 'seed8'), '--report-dir', join(TMP, 'x')]);
  expect(mixed.code).toBe(2);
  expect(mixed.out).toMatch(/different runs: seed 7 \([^)]*report-1-of-2\.zip\); seed 8 \([^)]*report-1-of-1\.zip\)/);

  const partial = await certconform(['report', 'merge', join(TMP, 's1'), '--report-dir', join(TMP, 'x')]);
  expect(partial.code).toBe(2);
  expect(partial.out).toContain('shard 2/2 is missing');
  expect(existsSync(join(TMP, 'x', 'conformance.json'))).toBe(false);
});
