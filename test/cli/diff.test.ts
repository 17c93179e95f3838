import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findMutant } from '../../mock/mutants/index.ts';
import { awsEnv, cli, startMock, type Ran } from './support/cli.ts';

// `certconform diff` from outside: a run against the built-in mock (BASE), a run against a mutant
// served by `certconform mock --mutant` through --target (HEAD), both with the same seed.
const MUTANT = 'aws-iot/delete-ignores-things';
const RUN = ['run', 'aws-iot', '--seed', '11', '--runs', '5', '--workers', '2'];
const file = (r: Ran) => join(r.dir, 'conformance.json');

test.describe.configure({ mode: 'serial' });
let base: Ran;
let head: Ran;

test('BASE: the built-in mock passes; HEAD: the mutant fails its rule', async () => {
  test.setTimeout(240_000);
  base = await cli(RUN).exited;
  expect(base.code, base.out.slice(-2000)).toBe(0);
  const mock = await startMock(['aws-iot', '--mutant', MUTANT]);
  try {
    const m = mock.lines[0]!;
    head = await cli([...RUN, '--target', `aws-iot=${m.url}`], awsEnv(m)).exited;
  } finally {
    mock.stop();
  }
  expect(head.code, head.out.slice(-2000)).toBe(1);
});

test('diff names exactly the rules the mutant breaks as regressed, exit 1; the table and --json agree', async () => {
  const d = await cli(['diff', file(base), file(head)]).exited;
  expect(d.code, d.out).toBe(1);
  const target = head.report().run.targets[0]!.target;
  expect(d.out).toContain(`aws-iot: BASE's target mock is compared with HEAD's target ${target}`);
  const gated = [...d.out.matchAll(/^(\S+) (MUST|SHOULD) +\| \S+ +\| passed +\| (failed|error)\b.*\| (REGRESSED|regressed \(SHOULD)/gm)].map((x) => x[1]);
  expect(gated.sort()).toEqual([...findMutant(MUTANT).rules].sort());
  expect(d.out).toMatch(/^rule +\| target +\| base +\| head +\| change$/m);
  expect(d.out).toMatch(/certconform diff: 1 MUST rule regressed \(AWSIOT-DEL-002@mock→127\.0\.0\.1:\d+\); .*; exit 1$/m);
  const j = await cli(['diff', file(base), file(head), '--json']).exited;
  expect(j.code).toBe(1);
  const doc = JSON.parse(j.out) as { rows: { rule: string; level: string; change: string }[]; counts: Record<string, number> };
  const regressed = doc.rows.filter((r) => r.change === 'regressed' && r.level !== 'INFO').map((r) => r.rule);
  expect(regressed.sort()).toEqual([...findMutant(MUTANT).rules].sort());
  expect(doc.rows.length).toBe(Object.values(doc.counts).reduce((a, b) => a + b, 0));
});

test('HEAD against itself, and the fix (mutant -> mock): exit 0', async () => {
  const same = await cli(['diff', file(head), file(head)]).exited;
  expect(same.code, same.out).toBe(0);
  expect(same.out).toMatch(/no MUST rule regressed; 0 regressed, 0 fixed, 0 new, 0 removed, \d+ unchanged; exit 0/);
  const fixed = await cli(['diff', file(head), file(base)]).exited;
  expect(fixed.code, fixed.out).toBe(0);
  expect(fixed.out).toMatch(/^AWSIOT-DEL-002 MUST \| .*\| failed: .*\| passed +\| fixed$/m);
});

test('a missing file, a file that is no report, an interrupted run: exit 2 with one sentence', async () => {
  const missing = await cli(['diff', join(base.dir, 'nope.json'), file(head)]).exited;
  expect(missing.code).toBe(2);
  expect(missing.out.trim().split('\n')).toHaveLength(1);
  expect(missing.out).toContain('no such file');
  const notReport = join(base.dir, 'junk.json');
  writeFileSync(notReport, '{"version": 2}');
  const junk = await cli(['diff', file(base), notReport]).exited;
  expect(junk.code).toBe(2);
  expect(junk.out).toContain('is not a conformance report');
  const stopped = join(base.dir, 'stopped.json');
  const r = head.report();
  writeFileSync(stopped, JSON.stringify({ ...r, run: { ...r.run, interrupted: { testsEnded: 3, testsTotal: 100 } } }));
  const cut = await cli(['diff', file(base), stopped]).exited;
  expect(cut.code).toBe(2);
  expect(cut.out).toContain('interrupted after 3 of 100 tests');
});
