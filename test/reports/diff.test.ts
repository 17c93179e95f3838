import { expect, test } from '@playwright/test';
import { classify, type Change } from '../../reports/diff/classify.ts';
import { diffReports } from '../../reports/diff/diff.ts';
import { diffPhrase, diffTable } from '../../reports/diff/print.ts';
import type { RuleOutcome } from '../../reports/outcomes.ts';
import type { ConformanceReport } from '../../reports/report.ts';
import { fixtureReport } from './html-fixture.ts';

// How a rule's outcome moves between BASE and HEAD; undefined: the report does not hold the rule.
const CASES: [RuleOutcome | undefined, RuleOutcome | undefined, Change][] = [
  ['passed', 'failed', 'regressed'],
  ['passed', 'error', 'regressed'],
  ['failed', 'passed', 'fixed'],
  ['error', 'passed', 'fixed'],
  ['passed', 'passed', 'unchanged'],
  ['failed', 'error', 'unchanged'],
  ['failed', 'failed', 'unchanged'],
  ['passed', 'not-run', 'removed'],
  ['failed', 'not-applicable', 'removed'],
  ['passed', undefined, 'removed'],
  ['not-run', 'failed', 'new'],
  ['not-applicable', 'passed', 'new'],
  [undefined, 'passed', 'new'],
  ['not-run', 'not-applicable', 'unchanged'],
  [undefined, 'not-run', 'unchanged'],
];
for (const [base, head, change] of CASES) {
  test(`classify: ${base ?? '(absent)'} -> ${head ?? '(absent)'} is ${change}`, () => expect(classify(base, head)).toBe(change));
}

const clone = (): ConformanceReport => JSON.parse(JSON.stringify(fixtureReport())) as ConformanceReport;
const rule = (r: ConformanceReport, id: string) => r.rules.find((x) => x.id === id)!;
const fail = (r: ConformanceReport, id: string) => {
  const e = rule(r, id);
  e.outcome = 'failed';
  e.failure = { rule: id, level: e.level, message: 'm', received: '200', documented: '406 CertificateStateException', steps: [] };
};

test('a MUST rule that passed and now fails is regressed and listed first; the same report twice changes nothing', () => {
  const base = clone();
  expect(diffReports(base, clone()).counts).toMatchObject({ regressed: 0, fixed: 0, new: 0, removed: 0 });
  const head = clone();
  fail(head, 'AWSIOT-DEL-001');
  // HWSCM-DEL-001 failed in the fixture: passing now is a fix.
  Object.assign(rule(head, 'HWSCM-DEL-001'), { outcome: 'passed', failure: undefined, checks: 2 });
  const d = diffReports(base, head);
  expect(d.regressedMust.map((r) => `${r.rule}@${r.target}`)).toEqual(['AWSIOT-DEL-001@mock']);
  expect(d.rows[0]).toMatchObject({ rule: 'AWSIOT-DEL-001', base: 'passed', head: 'failed', headDetail: '200 / documented 406 CertificateStateException' });
  expect(d.rows[1]).toMatchObject({ rule: 'HWSCM-DEL-001', change: 'fixed' });
  const table = diffTable(d);
  expect(table[0]).toMatch(/^rule +\| target \| base +\| head +\| change$/);
  expect(table[1]).toMatch(/^AWSIOT-DEL-001 MUST \| mock +\| passed +\| failed: 200 \/ documented 406 CertificateStateException \| REGRESSED$/);
  expect(table).toHaveLength(3);
  expect(diffPhrase(d)).toMatch(/^1 MUST rule regressed \(AWSIOT-DEL-001@mock\); 1 regressed, 1 fixed, 0 new, 0 removed, \d+ unchanged$/);
});

test('a SHOULD regression is listed, not gated; passed -> not run is removed, never a regression', () => {
  const base = clone();
  const head = clone();
  const should = base.rules.find((r) => r.level === 'SHOULD' && r.provider === 'huawei-scm')!;
  should.outcome = 'passed';
  fail(head, should.id);
  Object.assign(rule(head, 'HWSCM-DEL-002'), { outcome: 'not-run', reason: 'not reached', notRun: 'not-reached' });
  const d = diffReports(base, head);
  expect(d.regressedMust).toEqual([]);
  expect(d.rows.find((r) => r.rule === should.id)?.change).toBe('regressed');
  expect(d.rows.find((r) => r.rule === 'HWSCM-DEL-002')?.change).toBe('removed');
  expect(diffTable(d).join('\n')).toContain(`regressed (SHOULD: not gated)`);
});

test('another tool version or spec sha256: only the rules both know are compared, one line says so', () => {
  const base = clone();
  const head = clone();
  head.run.tool.version = '0.2.0';
  head.run.targets.find((t) => t.provider === 'aws-iot')!.spec.sha256 = 'f'.repeat(64);
  // HEAD's catalog lost a rule and gained one: neither is a change of the implementation.
  head.rules = head.rules.filter((r) => r.id !== 'AWSIOT-DEL-008');
  head.rules.push({ ...rule(head, 'AWSIOT-DEL-001'), id: 'AWSIOT-DEL-999', outcome: 'failed', failure: { rule: 'AWSIOT-DEL-999', level: 'MUST', message: 'm', received: '1', documented: '2', steps: [] } });
  const d = diffReports(base, head);
  expect(d.notes).toEqual(['tool 0.1.0 vs 0.2.0, aws-iot spec sha256 differs: compared only on the rules both reports know (2 left out)']);
  expect(d.rows.some((r) => r.rule === 'AWSIOT-DEL-008' || r.rule === 'AWSIOT-DEL-999')).toBe(false);
  expect(d.counts.new + d.counts.removed + d.counts.regressed).toBe(0);
});

test('one target per provider under two names is compared as a pair; other targets are named as left out', () => {
  const base = clone();
  const head = clone();
  for (const x of [...head.rules, ...head.run.targets]) if (x.provider === 'aws-iot') x.target = '127.0.0.1:5000';
  head.run.targets.push({ ...head.run.targets[0]!, provider: 'huawei-scm', target: 'emu', project: 'huawei-scm@emu' });
  fail(head, 'AWSIOT-DEL-001');
  const d = diffReports(base, head);
  expect(d.notes).toEqual(['only in HEAD, not compared: huawei-scm@emu', 'aws-iot: BASE\'s target mock is compared with HEAD\'s target 127.0.0.1:5000']);
  expect(d.regressedMust.map((r) => r.target)).toEqual(['mock→127.0.0.1:5000']);
});
