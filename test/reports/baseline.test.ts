import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Baseline } from '../../reports/baseline/format.ts';
import { baselineFromReport } from '../../reports/baseline/from-report.ts';
import { BaselineError, loadBaseline } from '../../reports/baseline/load.ts';
import { loadCatalog } from '../../lib/rules/catalog.ts';
import type { ConformanceReport, RuleEntry } from '../../reports/report.ts';
import { schemaProblems } from '../../reports/schema/validate.ts';

// Made in the worker (not at import: the runner imports test files to list them).
let dir = '';
test.beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'cc-baseline-'))));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (content: unknown) => {
  const f = join(dir, `b${n++}.json`);
  writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content));
  return f;
};
const doc = (...entries: unknown[]) => ({ version: 1, entries });
const ok = { rule: 'AWSIOT-DEL-001', provider: 'aws-iot', reason: 'IOT-12' };

test('a valid baseline loads as written', () => {
  const entries = [ok, { rule: 'AZKV-DEL-001', provider: 'azure-keyvault', target: 'vault.example:443', reason: 'r', expires: '2027-01-31' }];
  expect(loadBaseline(file(doc(...entries)))).toEqual({ version: 1, entries });
});

const bad: [string, unknown, RegExp][] = [
  ['not JSON', '{"version": 1,', /not JSON/],
  ['a later format version', { version: 2, entries: [] }, /\(top level\)|\/version/],
  ['an impossible date', doc(ok, { ...ok, rule: 'AWSIOT-DEL-002', expires: '2027-02-30' }), /entry 2 AWSIOT-DEL-002 \(aws-iot\): expires must match format "date"/],
  ['no reason', doc({ rule: 'AWSIOT-DEL-002', provider: 'aws-iot' }), /entry 1 AWSIOT-DEL-002 \(aws-iot\) must have required property 'reason'/],
  ['a blank reason', doc({ ...ok, reason: '  ' }), /entry 1 AWSIOT-DEL-001 \(aws-iot\): reason must match pattern/],
  ['a member the format does not have', doc({ ...ok, owner: 'me' }), /entry 1 AWSIOT-DEL-001 \(aws-iot\) must NOT have additional properties 'owner'/],
  ['an unknown provider', doc({ ...ok, provider: 'gcp' }), /entry 1 AWSIOT-DEL-001 \(gcp\): provider must be equal to one of the allowed values/],
  ['an unknown rule id', doc(ok, { ...ok, rule: 'AWSIOT-DEL-099' }), /entry 2 AWSIOT-DEL-099 \(aws-iot\): unknown rule id: aws-iot has no rule AWSIOT-DEL-099/],
  ["another provider's rule", doc({ ...ok, rule: 'HWSCM-DEL-002' }), /entry 1 HWSCM-DEL-002 \(aws-iot\): unknown rule id/],
  ['an INFO rule', doc({ ...ok, rule: 'AWSIOT-DEL-007' }), /entry 1 AWSIOT-DEL-007 \(aws-iot\): AWSIOT-DEL-007 is an INFO rule/],
  ['two entries for the same rule and target', doc({ ...ok, target: 'mock' }, ok), /entry 2 AWSIOT-DEL-001 \(aws-iot\): covers the same rule and target as entry 1/],
];
for (const [name, content, message] of bad) {
  test(`a baseline with ${name} is a clear error naming the entry`, () => {
    const f = file(content);
    expect(() => loadBaseline(f)).toThrow(BaselineError);
    expect(() => loadBaseline(f)).toThrow(message);
  });
}

test('a missing baseline file says so', () => {
  expect(() => loadBaseline(join(dir, 'none.json'))).toThrow(/none\.json: no such file/);
});

function report(rows: Partial<RuleEntry>[], targets = ['mock']): ConformanceReport {
  const rules = rows.map((r) => ({ provider: 'aws-iot', target: 'mock', level: 'MUST', outcome: 'passed', ...r })) as RuleEntry[];
  const run = { runId: 'r42', setupErrors: [], targets: targets.map((t) => ({ project: `aws-iot@${t}`, provider: 'aws-iot', target: t })) };
  return { run, rules, summary: {} } as unknown as ConformanceReport;
}
const failure = { rule: 'AWSIOT-DEL-001', level: 'MUST', message: 'm', received: '200', documented: '406 CertificateStateException', steps: [] };

test('baseline --from: MUST and SHOULD rules that failed or broke, with what the run received as reason; a valid baseline', () => {
  // A SHOULD rule of the catalog as it stands (loadBaseline checks the level against it).
  const should = loadCatalog('aws-iot').rules.find((r) => r.level === 'SHOULD')!.id;
  const b = baselineFromReport(report([
    { id: 'AWSIOT-DEL-001', outcome: 'failed', failure },
    { id: should, level: 'SHOULD', outcome: 'error', reason: 'socket hang up' },
    { id: 'AWSIOT-DEL-007', level: 'INFO', outcome: 'failed', failure: { ...failure, rule: 'AWSIOT-DEL-007' } },
    { id: 'AWSIOT-DEL-002', outcome: 'passed' },
    { id: 'AWSIOT-DEL-005', outcome: 'not-run', reason: 'not reached' },
  ]), { expires: '2027-01-31' });
  expect(b.entries).toEqual([
    { rule: 'AWSIOT-DEL-001', provider: 'aws-iot', reason: 'failed in run r42: received 200, documented 406 CertificateStateException', expires: '2027-01-31' },
    { rule: should, provider: 'aws-iot', reason: 'error in run r42: socket hang up', expires: '2027-01-31' },
  ]);
  expect(schemaProblems('baseline', b)).toEqual([]);
  expect(loadBaseline(file(b))).toEqual(b);
});

test('baseline --from: entries name a target only when the report holds several of the provider', () => {
  const rows = [{ id: 'AWSIOT-DEL-001', outcome: 'failed' as const, failure }, { id: 'AWSIOT-DEL-001', outcome: 'failed' as const, failure, target: 'prism' }];
  expect(baselineFromReport(report(rows, ['mock', 'prism'])).entries.map((e) => e.target)).toEqual(['mock', 'prism']);
  expect(baselineFromReport(report(rows.slice(0, 1))).entries.map((e) => e.target)).toEqual([undefined]);
});

test('baseline --from over an earlier baseline keeps its reasons and dates; --reason names only new entries; fixed rules leave, unjudged ones stay', () => {
  const elsewhere = { rule: 'HWSCM-DEL-002', provider: 'huawei-scm' as const, reason: 'not in this run' };
  const previous: Baseline = { version: 1, entries: [{ ...ok, provider: 'aws-iot', reason: 'IOT-12: fix in Q3', expires: '2027-03-31' }, { rule: 'AWSIOT-DEL-002', provider: 'aws-iot', reason: 'fixed since' }, elsewhere] };
  const b = baselineFromReport(report([{ id: 'AWSIOT-DEL-001', outcome: 'failed', failure }, { id: 'AWSIOT-DEL-003', outcome: 'failed', failure: { ...failure, rule: 'AWSIOT-DEL-003' } }, { id: 'AWSIOT-DEL-002' }]), {
    reason: 'IOT-40',
    previous,
  });
  expect(b.entries).toEqual([
    { rule: 'AWSIOT-DEL-001', provider: 'aws-iot', reason: 'IOT-12: fix in Q3', expires: '2027-03-31' },
    { rule: 'AWSIOT-DEL-003', provider: 'aws-iot', reason: 'IOT-40' },
    elsewhere,
  ]);
});
