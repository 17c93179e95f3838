import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../lib/paths.ts';
import { BASES, LEVELS } from '../../lib/rules/catalog.ts';
import { PROVIDERS } from '../../lib/providers.ts';
import { OUTCOMES } from '../../reports/outcomes.ts';
import type { ConformanceReport } from '../../reports/report.ts';
import { schemaProblems } from '../../reports/schema/validate.ts';

const load = createRequire(import.meta.url);
const conformance = load('../../reports/schema/conformance.schema.json');
const baseline = load('../../reports/schema/baseline.schema.json');
const catalog = load('../../lib/rules/catalog.schema.json');

test('the schemas name the same closed vocabularies as the code (providers, levels, bases, outcomes, categories, rule ids)', () => {
  const d = conformance.$defs;
  expect(d.provider.enum).toEqual([...PROVIDERS]);
  expect(d.level.enum).toEqual([...LEVELS]);
  expect(d.basis.enum).toEqual([...BASES]);
  expect(catalog.properties.rules.items.properties.basis.enum).toEqual([...BASES]);
  expect(d.outcome.enum).toEqual([...OUTCOMES]);
  expect(d.rule.properties.category.enum).toEqual(catalog.properties.rules.items.properties.category.enum);
  expect(d.ruleId.pattern).toEqual(catalog.properties.rules.items.properties.id.pattern);
  const entry = baseline.properties.entries.items.properties;
  expect(entry.provider.enum).toEqual([...PROVIDERS]);
  expect(entry.rule.pattern).toEqual(d.ruleId.pattern);
});

// One worker runs this file's tests in order, so the real run below happens once.
test.describe.configure({ mode: 'default' });

let real: ConformanceReport;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  // A real run (every rule of one provider passes or is reported not run/not applicable).
  const dir = mkdtempSync(join(tmpdir(), 'cc-schema-'));
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'certconform.mjs'), 'run', 'huawei-scm', '--runs', '5', '--report-dir', dir], { env: { ...process.env, CI: '1' }, stdio: 'ignore' });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  expect(code).toBe(0);
  real = JSON.parse(readFileSync(join(dir, 'conformance.json'), 'utf8')) as ConformanceReport;
  rmSync(dir, { recursive: true, force: true });
});

test("a real run's conformance.json is valid against the published schema", () => {
  expect(schemaProblems('conformance', real)).toEqual([]);
});

const failure = {
  rule: 'HWSCM-DEL-002', level: 'MUST', message: 'm', received: '200', documented: '404 SCM.0016',
  steps: [{ n: 1, label: 'delete', operation: 'DeleteCertificate', request: { method: 'DELETE', url: 'http://127.0.0.1:1/v3/scm/certificates/x', headers: { 'x-auth-token': '[REDACTED]' } }, response: { status: 200, headers: {} }, curl: "curl -X DELETE 'http://127.0.0.1:1/v3/scm/certificates/x'" }],
};

test('a version 1 report (rules without a basis) is still read', () => {
  const v1 = structuredClone(real) as any;
  v1.version = 1;
  for (const r of v1.rules) delete r.basis;
  expect(schemaProblems('conformance', v1)).toEqual([]);
});

/** Broken variants of the real report: [what, how to break it, the pointer the schema names]. */
const broken: [string, (r: any) => void, string][] = [
  ['a later version', (r) => (r.version = 3), '/version'],
  ['a rule without its basis (version 2)', (r) => delete r.rules[0].basis, '/rules/0'],
  ['a basis outside the closed set', (r) => (r.rules[0].basis = 'hearsay'), '/rules/0/basis'],
  ['a member the format does not have', (r) => (r.extra = true), ''],
  ['an outcome outside the closed set', (r) => (r.rules[0].outcome = 'PASS'), '/rules/0/outcome'],
  ['a level outside the closed set', (r) => (r.rules[0].level = 'MAY'), '/rules/0/level'],
  ['an unknown provider', (r) => (r.rules[0].provider = 'gcp'), '/rules/0/provider'],
  ['a malformed rule id', (r) => (r.rules[0].id = 'hwscm-del-2'), '/rules/0/id'],
  ['a failed rule without evidence', (r) => (r.rules[0].outcome = 'failed'), '/rules/0'],
  ['evidence on a rule that did not fail', (r) => Object.assign(r.rules[0], { outcome: 'passed', failure }), '/rules/0/failure'],
  ['a not-run rule without a reason', (r) => (delete r.rules[0].reason, (r.rules[0].outcome = 'not-run')), '/rules/0'],
  ['a step without its curl command', (r) => Object.assign(r.rules[0], { outcome: 'failed', failure: { ...failure, steps: [{ ...failure.steps[0], curl: undefined }] } }), '/rules/0/failure/steps/0'],
  ['a header that is not a string', (r) => Object.assign(r.rules[0], { outcome: 'failed', failure: { ...failure, steps: [{ ...failure.steps[0], response: { status: 200, headers: { 'x-n': 1 } } }] } }), '/rules/0/failure/steps/0/response/headers/x-n'],
  ['a spec without its hash', (r) => delete r.run.targets[0].spec.sha256, '/run/targets/0/spec'],
  ['a start that is not a date-time', (r) => (r.run.started = 'yesterday'), '/run/started'],
  ['a summary row that is not provider@target', (r) => (r.summary.nope = r.summary['huawei-scm@mock']), '/summary'],
  ['a score above 1', (r) => (r.summary['huawei-scm@mock'].score = 1.5), '/summary/huawei-scm@mock/score'],
];
for (const [what, breakIt, path] of broken) {
  test(`the schema rejects a report with ${what}`, () => {
    const r = structuredClone(real) as any;
    const ruleOf = (r.rules as { outcome: string }[]).findIndex((x) => x.outcome === 'passed');
    [r.rules[0], r.rules[ruleOf]] = [r.rules[ruleOf], r.rules[0]];
    expect(schemaProblems('conformance', r)).toEqual([]);
    breakIt(r);
    const problems = schemaProblems('conformance', JSON.parse(JSON.stringify(r)));
    expect(problems.map((p) => p.path), JSON.stringify(problems)).toContain(path);
  });
}
