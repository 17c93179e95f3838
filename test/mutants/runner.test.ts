import { expect, test } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { controlProblems } from '../../cli/mutants.ts';
import type { MockProcess } from '../../cli/mutants/mock-process.ts';
import type { ReportRows } from '../../cli/mutants/phase.ts';
import { phaseProjects } from '../../cli/mutants/plan.ts';
import { resultTable } from '../../cli/mutants/print.ts';
import { addPhase, emptyResult, scoreOf, type MutantsReport } from '../../cli/mutants/result.ts';
import { ROOT } from '../../lib/paths.ts';
import { findMutant, MUTANTS } from '../../mock/mutants/index.ts';
import type { Mutant } from '../../mock/mutants/mutant.ts';

const BIN = join(ROOT, 'bin', 'certconform.mjs');
const cli = (args: string[]) => spawnSync(process.execPath, [BIN, 'mutants', ...args], { encoding: 'utf8', timeout: 60_000 });

// What Playwright greps: project, file, title, then the tags.
const title = (file: string, tags: string) => ` aws-iot@x ${file} some title ${tags}`;
const line = (mutant?: string) => ({ provider: 'aws-iot' as const, mutant, url: 'http://127.0.0.1:1', credentials: {} });
const fakeMock = (ms: Mutant[]): MockProcess => ({ controls: new Map([['aws-iot', line()]]), mutants: new Map(ms.map((m) => [m.name, line(m.name)])), stop: async () => {} });
const row = (id: string, target: string, outcome: string) => ({ id, provider: 'aws-iot' as const, target, level: 'MUST', outcome });

test('--list prints every mutant and exits 0; bad selections are usage errors (exit 2, a sentence)', () => {
  const list = cli(['--list']);
  expect(list.status).toBe(0);
  for (const m of MUTANTS) expect(list.stdout).toContain(m.name);
  expect(list.stdout).toContain(`${MUTANTS.length} mutant(s)`);
  for (const [args, says] of [
    [['--only', 'aws-iot/no-such-mutant'], /unknown mutant 'aws-iot\/no-such-mutant'/],
    [['--only', 'aws-iot/zz*'], /matches no mutant/],
    [['--provider', 'gcp'], /unknown provider 'gcp'/],
    [['--workers', '0'], /--workers must be an integer >= 1/],
  ] as const) {
    const r = cli([...args]);
    expect(r.status, args.join(' ')).toBe(2);
    expect(r.stderr).toMatch(says);
  }
});

test('each mutant runs the tests tagged with its rules, the model properties only after; the control runs their union in each phase', () => {
  const del = findMutant('aws-iot/delete-active-allowed');
  const spec = findMutant('aws-iot/describe-answers-empty-body'); // SPEC-001 and REG-008
  const targeted = phaseProjects('targeted', [del, spec], fakeMock([del, spec]));
  expect(targeted.map((p) => p.name)).toEqual(['control', 'delete-active-allowed', 'describe-answers-empty-body']);
  const [control, first] = targeted.map((p) => ({ grep: p.grep ? new RegExp(p.grep) : /./, invert: p.grepInvert ? new RegExp(p.grepInvert) : undefined, workers: p.workers }));
  const runs = (p: typeof first, t: string) => p!.grep.test(t) && !p!.invert?.test(t);
  expect(runs(first, title('delete-certificate/active.spec.ts', '@must @AWSIOT-DEL-001'))).toBe(true);
  expect(runs(first, title('delete-certificate/active.spec.ts', '@must @AWSIOT-DEL-0011'))).toBe(false);
  expect(runs(first, title('delete-certificate/other.spec.ts', '@must @AWSIOT-DEL-002'))).toBe(false);
  expect(runs(first, title('model.spec.ts', '@must @AWSIOT-DEL-001 @AWSIOT-DEL-002'))).toBe(false);
  expect(first!.workers).toBe(1);
  expect(runs(control, title('model.spec.ts', '@AWSIOT-DEL-001'))).toBe(false);
  expect(runs(control, title('register-certificate/identity.spec.ts', '@AWSIOT-REG-008'))).toBe(true);
  expect(runs(control, title('auth/x.spec.ts', '@AWSIOT-AUTH-001'))).toBe(false);
  const model = phaseProjects('model', [del], fakeMock([del]));
  expect(model.map((p) => p.name)).toEqual(['control', 'delete-active-allowed']);
  for (const p of model) {
    expect(new RegExp(p.grep!).test(title('model.spec.ts', '@must @AWSIOT-DEL-001'))).toBe(true);
    expect(new RegExp(p.grep!).test(title('model.spec.ts', '@must @AWSIOT-DEL-002'))).toBe(false);
    expect(new RegExp(p.grep!).test(title('delete-certificate/active.spec.ts', '@must @AWSIOT-DEL-001'))).toBe(false);
  }
  // A mutant naming only SPEC-001 (checked on every exchange, tagging no test) runs every test.
  const only001 = { ...spec, name: 'aws-iot/x', rules: ['AWSIOT-SPEC-001'] };
  expect(phaseProjects('targeted', [only001], fakeMock([only001]))[1]!.grep).toBeUndefined();
});

test('a rule that fails on a mutant kills it; the score counts killed over observable; a failing control is reported', () => {
  const [a, b] = [findMutant('aws-iot/delete-active-allowed'), findMutant('aws-iot/second-delete-succeeds')];
  const unobservable = { ...a, name: 'aws-iot/cannot-be-seen', unobservable: 'no client can tell the two answers apart' };
  const report: ReportRows = { run: {}, rules: [row('AWSIOT-DEL-001', 'delete-active-allowed', 'failed'), row('AWSIOT-DEL-010', 'second-delete-succeeds', 'passed'), row('AWSIOT-DEL-001', 'control', 'passed')] };
  const rows = [a, b, unobservable].map(emptyResult);
  addPhase(rows[0]!, a, 'targeted', report, { 'aws-iot@delete-active-allowed': { ms: 1200, tests: 2 } });
  addPhase(rows[1]!, b, 'targeted', report, {});
  expect(rows.map((r) => r.outcome)).toEqual(['killed', 'survived', 'unobservable']);
  expect(rows[0]).toMatchObject({ caughtBy: ['AWSIOT-DEL-001'], ms: 1200, tests: 2, phase: 'targeted' });
  const score = scoreOf(rows);
  expect(score).toEqual({ killed: 1, survived: 1, unobservable: 1, total: 3, observable: 2, score: 0.5 });
  const text = resultTable({ version: 1, run: {} as MutantsReport['run'], score, mutants: rows });
  expect(text.split('\n').at(-1)).toBe('mutation score: 50.0% (1 killed / 2 observable; 1 survived, 1 unobservable)');
  expect(text).toMatch(/1 survivor\(s\)[^\n]*\n {2}aws-iot\/second-delete-succeeds \[AWSIOT-DEL-010\]/);
  expect(text).toContain('aws-iot/cannot-be-seen: no client can tell the two answers apart');
  expect(controlProblems(report, [a, b])).toEqual([]);
  expect(controlProblems({ ...report, rules: [...report.rules, row('AWSIOT-DEL-002', 'control', 'error')] }, [a])).toEqual(['AWSIOT-DEL-002@aws-iot']);
});

test('certconform mock serves several mutants and a control, one JSON line each with its mutant', async () => {
  test.setTimeout(60_000);
  const names = ['aws-iot/delete-active-allowed', 'aws-iot/second-delete-succeeds'];
  const child = spawn(process.execPath, [BIN, 'mock', '--json', '--port-base', '0', '--control', ...names.flatMap((n) => ['--mutant', n])], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const lines = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const got = out.split('\n').filter((l) => l.startsWith('{'));
      if (got.length >= 3) resolve(got.map((l) => JSON.parse(l)));
    });
    child.on('exit', (code) => reject(new Error(`mock exited ${code}`)));
  });
  child.removeAllListeners('exit');
  child.kill('SIGTERM');
  expect(lines.map((l) => l.mutant ?? 'control')).toEqual(['control', ...names]);
  expect(new Set(lines.map((l) => l.url)).size).toBe(3);
  const fixed = spawnSync(process.execPath, [BIN, 'mock', '--port-base', '4010', ...names.flatMap((n) => ['--mutant', n])], { encoding: 'utf8', timeout: 30_000 });
  expect(fixed.status).toBe(2);
  expect(fixed.stderr).toMatch(/need --port-base 0/);
});
