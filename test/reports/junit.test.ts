import { expect, test } from '@playwright/test';
import { junitXml } from '../../reports/junit.ts';
import type { ConformanceReport, RuleEntry } from '../../reports/report.ts';
import type { FailureRecord } from '../../lib/verdicts.ts';
import { all, parseXml } from './junit-xml.ts';

const TRICKY = 'a <b> & "c" \'d\'\ttab\nline \u001b[31mred\u001b[0m nul\u0000 lone\uD800 pair\u{1F600} ]]>';
const SHOWN = 'a <b> & "c" \'d\'\ttab\nline \\u001b[31mred\\u001b[0m nul\\u0000 lone\\ud800 pair\u{1F600} ]]>';

const failure: FailureRecord = {
  rule: 'AWSIOT-DEL-001', level: 'MUST', message: '[AWSIOT-DEL-001 MUST] ACTIVE delete refused\nReceived: 200 / Documented: 406 CertificateStateException',
  received: '200 <empty> & "quoted"', documented: '406 CertificateStateException',
  steps: [
    { n: 1, label: 'register (ACTIVE)', operation: 'RegisterCertificateWithoutCA', request: { method: 'POST', url: 'http://h/r', headers: {} }, response: { status: 200, headers: {} }, curl: "curl -X POST 'http://h/r' --data-binary '{\"a\":\"<&>\"}'" },
    { n: 2, label: `DeleteCertificate ${TRICKY}`, operation: 'DeleteCertificate', request: { method: 'DELETE', url: 'http://h/c/1', headers: {} }, response: { status: 200, headers: {}, code: 'X' }, curl: "curl -X DELETE 'http://h/c/1?forceDelete=true&x=1'" },
  ],
  sequence: ['1. DeleteCertificate(id=3f9a.., ACTIVE) -> 200'],
  replay: { seed: 7, path: '0:1', command: "npx certconform run aws-iot --seed 7 --path '0:1' --grep 'model'" },
};

const rule = (id: string, outcome: RuleEntry['outcome'], extra: Partial<RuleEntry> = {}): RuleEntry => ({
  id, provider: 'aws-iot', target: 'mock', level: 'MUST', basis: 'seed', operation: 'DeleteCertificate', category: 'delete', statement: `statement of ${id}`,
  source: { file: 'seeds/aws-iot-DeleteCertificate.txt', heading: 'Errors', quote: 'q' }, outcome, checks: outcome === 'passed' ? 3 : 0, tests: ['t.spec.ts > t'], ...extra,
});

const report = {
  version: 1,
  run: { tool: { name: 'certconform', version: '0.1.0' }, started: '2026-01-01T00:00:00.000Z', finished: '2026-01-01T00:00:12.500Z', seed: 7, runId: 's7', retries: 0, setupErrors: [],
    targets: [{ project: 'aws-iot@mock', provider: 'aws-iot', target: 'mock', spec: { file: 'specs/aws-iot.yaml', version: '2015-05-28', sha256: 'ab'.repeat(32) } }] },
  rules: [
    rule('AWSIOT-DEL-001', 'failed', { failure }),
    rule('AWSIOT-DEL-002', 'passed', { statement: TRICKY }),
    rule('AWSIOT-DEL-003', 'error', { reason: 'connection refused <127.0.0.1>' }),
    rule('AWSIOT-DEL-004', 'not-run', { reason: 'not reached: stopped at AWSIOT-DEL-001', level: 'SHOULD', basis: 'sdk' }),
    rule('AWSIOT-DEL-005', 'not-applicable', { reason: 'no things on this target', level: 'INFO', basis: 'emulator' }),
    rule('HWSCM-DEL-001', 'passed', { provider: 'huawei-scm', target: 'prism' }),
  ],
  summary: {},
} as ConformanceReport;

test('one testcase per rule in one testsuite per provider@target, with counts that add up', () => {
  const root = parseXml(junitXml(report));
  expect(root.name).toBe('testsuites');
  expect(root.attrs).toMatchObject({ tests: '6', failures: '1', errors: '1', skipped: '2', time: '12.500' });
  const suites = all(root, 'testsuite');
  expect(suites.map((s) => [s.attrs.name, s.attrs.tests, s.attrs.failures, s.attrs.errors, s.attrs.skipped])).toEqual([
    ['aws-iot@mock', '5', '1', '1', '2'],
    ['huawei-scm@prism', '1', '0', '0', '0'],
  ]);
  const props = Object.fromEntries(all(suites[0]!, 'property').map((p) => [p.attrs.name, p.attrs.value]));
  expect(props).toMatchObject({ seed: '7', runId: 's7', spec: `specs/aws-iot.yaml 2015-05-28 sha256:${'ab'.repeat(32)}` });
  const cases = all(root, 'testcase');
  expect(cases.map((c) => c.attrs.classname)).toEqual([...Array(5).fill('aws-iot@mock'), 'huawei-scm@prism']);
  expect(cases[0]!.attrs.name).toBe('AWSIOT-DEL-001 (MUST) statement of AWSIOT-DEL-001');
  expect(cases[4]!.attrs.name).toBe('AWSIOT-DEL-005 (INFO) statement of AWSIOT-DEL-005');
  // Properties first; then a pass has nothing more, the rest one child each, of the kind JUnit consumers count.
  expect(cases.map((c) => c.children.map((x) => x.name).join())).toEqual(
    ['properties,failure', 'properties', 'properties,error', 'properties,skipped', 'properties,skipped', 'properties']);
});

test("each testcase's properties carry the rule's level, basis and source; a rule without a basis (version 1) has none", () => {
  const v1 = { ...report, rules: [...report.rules, rule('AWSIOT-DEL-006', 'passed', { basis: undefined })] };
  const props = all(parseXml(junitXml(v1)), 'testcase').map((c) => Object.fromEntries(all(c, 'property').map((p) => [p.attrs.name, p.attrs.value])));
  expect(props[0]).toEqual({ level: 'MUST', basis: 'seed', source: 'seeds/aws-iot-DeleteCertificate.txt > Errors' });
  // Grouped by provider@target: the added aws-iot rule comes before huawei-scm's.
  expect(props.map((p) => p.basis)).toEqual(['seed', 'seed', 'seed', 'sdk', 'emulator', undefined, 'seed']);
  expect(props.map((p) => p.level)).toEqual(['MUST', 'MUST', 'MUST', 'SHOULD', 'INFO', 'MUST', 'MUST']);
});

test('a failure says received / documented in its message and carries steps, curls and the replay in its body', () => {
  const [failed] = all(parseXml(junitXml(report)), 'failure');
  expect(failed!.attrs.message).toBe('Received: 200 <empty> & "quoted" / Documented: 406 CertificateStateException');
  expect(failed!.attrs.type).toBe('MUST');
  const body = failed!.text;
  expect(body).toContain('[AWSIOT-DEL-001 MUST] ACTIVE delete refused');
  expect(body).toContain('Source: seeds/aws-iot-DeleteCertificate.txt > Errors (basis: seed)');
  expect(body).toContain('1. DeleteCertificate(id=3f9a.., ACTIVE) -> 200');
  expect(body).toContain('  1. register (ACTIVE) -> 200');
  for (const s of failure.steps.slice(0, 1)) expect(body).toContain(s.curl);
  expect(body).toContain("curl -X DELETE 'http://h/c/1?forceDelete=true&x=1'");
  expect(body).toContain(`Reproduce with: ${failure.replay!.command}`);
});

test('error, not run and not applicable: <error> and <skipped> with the reason, never a pass', () => {
  const root = parseXml(junitXml(report));
  expect(all(root, 'error')[0]!.attrs.message).toBe('connection refused <127.0.0.1>');
  expect(all(root, 'skipped').map((s) => s.attrs.message)).toEqual(['not run: not reached: stopped at AWSIOT-DEL-001', 'not applicable: no things on this target']);
});

test('markup, quotes, tabs, line breaks, control characters and lone surrogates come back as written (or as a visible escape)', () => {
  const root = parseXml(junitXml(report));
  const cases = all(root, 'testcase');
  expect(cases[1]!.attrs.name).toBe(`AWSIOT-DEL-002 (MUST) ${SHOWN}`);
  expect(all(root, 'failure')[0]!.text).toContain(`DeleteCertificate ${SHOWN} -> 200 X`);
});

test('the reader used above is strict: it rejects what a conforming XML parser rejects', () => {
  expect(parseXml('<a x="1&amp;2&#10;&#x3c;">t&lt;</a>')).toEqual({ name: 'a', attrs: { x: '1&2\n<' }, children: [], text: 't<' });
  for (const bad of ['<a>\u001b</a>', '<a>&</a>', '<a x="<"/>', '<a><b></a>', '<a x=1/>', '<a/><b/>', '<a x="1" x="2"/>', '<a>&nope;</a>', '<a>\uD800</a>']) {
    expect(() => parseXml(bad), bad).toThrow();
  }
});
