import { expect, test } from '@playwright/test';
import { addVerdict, emptyTally, outcomeOf } from '../reports/outcomes.ts';
import { verdictOf } from '../cli/run.ts';
import type { ConformanceReport } from '../reports/report.ts';

test('one outcome per rule: failure beats error beats pass; NA and not-run never count as passes', () => {
  const t = emptyTally();
  expect(outcomeOf(undefined).outcome).toBe('not-run');
  addVerdict(t, { passed: 0, notApplicable: 'vault is not purgeable' });
  expect(outcomeOf(t)).toEqual({ outcome: 'not-applicable', reason: 'vault is not purgeable' });
  addVerdict(t, { passed: 3 });
  expect(outcomeOf(t).outcome).toBe('passed');
  t.errors.push('connection refused');
  expect(outcomeOf(t).outcome).toBe('error');
  addVerdict(t, { passed: 0, failure: { rule: 'R', level: 'MUST', message: 'm', received: '200', documented: '406', steps: [] } });
  expect(outcomeOf(t).outcome).toBe('failed');
});

const report = (rules: Partial<ConformanceReport['rules'][number]>[], setupErrors: string[] = []) =>
  ({ run: { setupErrors }, rules }) as unknown as ConformanceReport;

test('exit code: 2 for setup errors, 1 for a failed or broken MUST, 0 otherwise (SHOULD failures reported, not fatal)', () => {
  expect(verdictOf(report([{ id: 'A', level: 'MUST', outcome: 'passed' }], ['no target'])).code).toBe(2);
  expect(verdictOf(report([{ id: 'A', level: 'MUST', outcome: 'failed', target: 'mock' }])).code).toBe(1);
  expect(verdictOf(report([{ id: 'A', level: 'MUST', outcome: 'error', target: 'mock' }])).code).toBe(1);
  const should = verdictOf(report([{ id: 'A', level: 'MUST', outcome: 'passed' }, { id: 'B', level: 'SHOULD', outcome: 'failed' }]));
  expect(should.code).toBe(0);
  expect(should.why).toContain('1 SHOULD rule failed');
  // A run that judged nothing is no pass; rules not run beside judged ones are fine.
  expect(verdictOf(report([{ id: 'A', level: 'MUST', outcome: 'not-run' }])).code).toBe(2);
  expect(verdictOf(report([{ id: 'A', level: 'MUST', outcome: 'not-run' }, { id: 'B', level: 'MUST', outcome: 'passed' }])).code).toBe(0);
});

test('the run verdict is the gate without a baseline, in the run words: MUST rules named (eight at most), where to look when nothing ran', () => {
  const failed = Array.from({ length: 10 }, (_, i) => ({ id: `M${i}`, level: 'MUST', outcome: i % 2 ? 'failed' : 'error', target: i < 5 ? 'mock' : 'prism' }) as const);
  expect(verdictOf(report([...failed, { id: 'S', level: 'SHOULD', outcome: 'failed' }]))).toEqual({
    code: 1,
    why: '10 MUST rules not met: M0@mock, M1@mock, M2@mock, M3@mock, M4@mock, M5@prism, M6@prism, M7@prism and 2 more',
  });
  expect(verdictOf(report([{ id: 'A', level: 'SHOULD', outcome: 'not-applicable' }])).why).toBe(
    'nothing judged: no rule ran (see the output above: a target that never started, or a --grep that selects no test)',
  );
  expect(verdictOf(report([{ id: 'A', level: 'MUST', outcome: 'failed' }], ['target unreachable', 'later'])).why).toBe('setup error (2 tests): target unreachable');
  // A SHOULD rule that broke is never fatal; only SHOULD failures are counted on a pass.
  expect(verdictOf(report([{ id: 'A', level: 'INFO', outcome: 'failed' }, { id: 'B', level: 'SHOULD', outcome: 'error' }]))).toEqual({ code: 0, why: 'every MUST rule that ran passed' });
});
