import { expect, test } from '@playwright/test';
import type { BaselineEntry } from '../../reports/baseline/format.ts';
import { parseMinScore } from '../../reports/gate/min-score.ts';
import { gateLines, verdictPhrase } from '../../reports/gate/print.ts';
import { gate, type GateOptions } from '../../reports/gate/verdict.ts';
import type { ConformanceReport, RuleEntry } from '../../reports/report.ts';

type Row = Pick<RuleEntry, 'id' | 'level' | 'outcome'> & { target?: string };

/** A report with just what the gate reads: rules (aws-iot) and the per-project summary. */
function report(rows: Row[], setupErrors: string[] = []): ConformanceReport {
  const rules = rows.map((r) => ({
    provider: 'aws-iot', target: 'mock', operation: 'DeleteCertificate', category: 'precondition', statement: 's', source: { file: 'seeds/x', heading: 'h', quote: 'q' },
    checks: 1, tests: [], ...r,
    ...(r.outcome === 'failed' ? { failure: { rule: r.id, level: r.level, message: 'm', received: '200', documented: '406 CertificateStateException', steps: [] } } : {}),
    ...(r.outcome === 'not-run' ? { reason: 'no test checks this rule on this target' } : {}),
  })) as RuleEntry[];
  const summary: ConformanceReport['summary'] = {};
  for (const target of new Set(rules.map((r) => r.target))) {
    const must = rules.filter((r) => r.target === target && r.level === 'MUST' && ['passed', 'failed', 'error'].includes(r.outcome));
    const passed = must.filter((r) => r.outcome === 'passed').length;
    summary[`aws-iot@${target}`] = { must: { passed, run: must.length }, should: { passed: 0, run: 0 }, score: must.length ? passed / must.length : null, failedMust: must.length - passed };
  }
  return { run: { setupErrors }, rules, summary } as unknown as ConformanceReport;
}

const entry = (rule: string, more: Partial<BaselineEntry> = {}): BaselineEntry => ({ rule, provider: 'aws-iot', reason: 'ticket IOT-12', ...more });
const TODAY = '2026-06-15';

const cases: { name: string; rows: Row[]; entries?: BaselineEntry[]; opts?: Partial<GateOptions>; minScores?: string[]; code: number; says: RegExp[]; absent?: RegExp; setupError?: string }[] = [
  { name: 'a MUST failure not in the baseline is new', rows: [{ id: 'AWSIOT-DEL-001', level: 'MUST', outcome: 'failed' }], code: 1, says: [/AWSIOT-DEL-001@mock MUST \| - +\| failed: 200 \/ documented 406 CertificateStateException \| NEW FAILURE/, /1 new MUST failure$/] },
  { name: 'a broken MUST rule (error) not in the baseline is new', rows: [{ id: 'AWSIOT-DEL-001', level: 'MUST', outcome: 'error' }], code: 1, says: [/NEW FAILURE/] },
  { name: 'a failure the baseline lists is known', rows: [{ id: 'AWSIOT-DEL-001', level: 'MUST', outcome: 'failed' }], entries: [entry('AWSIOT-DEL-001')], code: 0, says: [/^1 known deviation\(s\) still fail/, /gate passed/] },
  { name: 'a listed rule that passes now is stale', rows: [{ id: 'AWSIOT-DEL-002', level: 'MUST', outcome: 'passed' }], entries: [entry('AWSIOT-DEL-002')], code: 1, says: [/known: ticket IOT-12 \| passed +\| STALE ENTRY: remove it/, /1 stale baseline entry$/] },
  { name: 'stale with --allow-stale-baseline is printed, not fatal', rows: [{ id: 'AWSIOT-DEL-002', level: 'MUST', outcome: 'passed' }], entries: [entry('AWSIOT-DEL-002')], opts: { allowStale: true }, code: 0, says: [/stale \(allowed\)/] },
  { name: 'a stale SHOULD entry is stale too', rows: [{ id: 'AWSIOT-REG-007', level: 'SHOULD', outcome: 'passed' }], entries: [entry('AWSIOT-REG-007')], code: 1, says: [/STALE ENTRY/] },
  { name: 'an entry past its expires day no longer excuses', rows: [{ id: 'AWSIOT-DEL-001', level: 'MUST', outcome: 'failed' }], entries: [entry('AWSIOT-DEL-001', { expires: '2026-06-14' })], code: 1, says: [/expired 2026-06-14: ticket IOT-12 .*\| EXPIRED ENTRY/, /1 MUST failure whose baseline entry expired/] },
  { name: 'on its expires day an entry still excuses', rows: [{ id: 'AWSIOT-DEL-001', level: 'MUST', outcome: 'failed' }], entries: [entry('AWSIOT-DEL-001', { expires: TODAY })], code: 0, says: [/1 known deviation/] },
  { name: 'a listed rule that did not run is neither known nor stale', rows: [{ id: 'AWSIOT-DEL-002', level: 'MUST', outcome: 'passed' }, { id: 'AWSIOT-DEL-005', level: 'MUST', outcome: 'not-run' }], entries: [entry('AWSIOT-DEL-005')], code: 0, says: [/^not checked \(not judged this run\): AWSIOT-DEL-005@mock$/] },
  { name: 'an entry for a provider not in the run is not checked', rows: [{ id: 'AWSIOT-DEL-002', level: 'MUST', outcome: 'passed' }], entries: [{ rule: 'HWSCM-DEL-002', provider: 'huawei-scm', reason: 'r' }], code: 0, says: [/HWSCM-DEL-002 \(huawei-scm not in this run\)/] },
  { name: 'an entry for another target does not excuse this one', rows: [{ id: 'AWSIOT-DEL-001', level: 'MUST', outcome: 'failed', target: 'prism' }], entries: [entry('AWSIOT-DEL-001', { target: 'mock' })], code: 1, says: [/AWSIOT-DEL-001@prism MUST .*NEW FAILURE/, /AWSIOT-DEL-001 \(aws-iot@mock not in this run\)/] },
  { name: 'SHOULD failures are printed, never fatal', rows: [{ id: 'AWSIOT-REG-007', level: 'SHOULD', outcome: 'failed' }], code: 0, says: [/AWSIOT-REG-007@mock SHOULD .*new \(SHOULD: not gated\)/] },
  { name: 'INFO rules are observations: never gated, not printed', rows: [{ id: 'AWSIOT-DEL-007', level: 'INFO', outcome: 'failed' }], code: 0, says: [/^gate passed/], absent: /AWSIOT-DEL-007/ },
  { name: 'a score below --min-score fails', rows: [{ id: 'AWSIOT-DEL-001', level: 'MUST', outcome: 'failed' }, { id: 'AWSIOT-DEL-002', level: 'MUST', outcome: 'passed' }], entries: [entry('AWSIOT-DEL-001')], minScores: ['aws-iot=0.95'], code: 1, says: [/min score aws-iot >= 0.95: aws-iot@mock 50.0% BELOW THE MINIMUM/, /1 score below its minimum/] },
  { name: 'a score at or above --min-score passes (provider@target and bare forms)', rows: [{ id: 'AWSIOT-DEL-001', level: 'MUST', outcome: 'failed' }, { id: 'AWSIOT-DEL-002', level: 'MUST', outcome: 'passed' }], entries: [entry('AWSIOT-DEL-001')], minScores: ['aws-iot@mock=0.5', '0.4'], code: 0, says: [/aws-iot@mock >= 0.5: aws-iot@mock 50.0% ok/, /every target >= 0.4: aws-iot@mock 50.0% ok/] },
  { name: 'a threshold with nothing to judge is a note', rows: [{ id: 'AWSIOT-REG-007', level: 'SHOULD', outcome: 'passed' }, { id: 'AWSIOT-DEL-005', level: 'MUST', outcome: 'not-run' }], minScores: ['aws-iot=0.9', 'huawei-scm=0.9'], code: 0, says: [/aws-iot@mock not checked \(no MUST rule ran\)/, /huawei-scm >= 0.9: not checked \(no such target in this run\)/] },
  { name: 'a run that judged no rule is exit 2 whatever the baseline', rows: [{ id: 'AWSIOT-DEL-005', level: 'MUST', outcome: 'not-run' }], entries: [entry('AWSIOT-DEL-005')], code: 2, says: [/nothing judged/] },
  { name: 'a setup error is exit 2 whatever the baseline', rows: [{ id: 'AWSIOT-DEL-001', level: 'MUST', outcome: 'failed' }], entries: [entry('AWSIOT-DEL-001')], setupError: 'target unreachable', code: 2, says: [/setup error: target unreachable/] },
];

for (const c of cases) {
  test(`gate: ${c.name} -> exit ${c.code}`, () => {
    const r = report(c.rows, c.setupError ? [c.setupError] : []);
    const opts = { baseline: c.entries ? { version: 1, entries: c.entries } : undefined, minScores: (c.minScores ?? []).map(parseMinScore), today: TODAY, ...c.opts };
    const v = gate(r, opts);
    const lines = [...gateLines(v, opts), verdictPhrase(v)];
    expect(v.code, lines.join('\n')).toBe(c.code);
    for (const re of c.says) expect(lines.some((l) => re.test(l)), `${re} in:\n${lines.join('\n')}`).toBe(true);
    if (c.absent) expect(lines.join('\n')).not.toMatch(c.absent);
  });
}

test('gate: without a baseline it agrees with the plain run verdict (every MUST failure or error is new)', () => {
  const rows: Row[] = [{ id: 'AWSIOT-DEL-001', level: 'MUST', outcome: 'error' }, { id: 'AWSIOT-DEL-002', level: 'MUST', outcome: 'failed' }, { id: 'AWSIOT-DEL-003', level: 'MUST', outcome: 'passed' }];
  const v = gate(report(rows), { today: TODAY });
  expect(v.findings.filter((f) => f.kind === 'new').map((f) => f.rule)).toEqual(['AWSIOT-DEL-001', 'AWSIOT-DEL-002']);
  expect(v.fatal).toEqual(['2 new MUST failures']);
});

test('--min-score: bad values are clear errors', () => {
  expect(parseMinScore('aws-iot@mock=0.95')).toEqual({ provider: 'aws-iot', target: 'mock', min: 0.95 });
  expect(parseMinScore('1')).toEqual({ min: 1 });
  expect(() => parseMinScore('aws-iot=95')).toThrow(/between 0 and 1/);
  expect(() => parseMinScore('aws=0.9')).toThrow(/unknown provider 'aws'/);
  expect(() => parseMinScore('aws-iot')).toThrow(/provider=x/);
});
