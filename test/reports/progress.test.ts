import { expect, test } from '@playwright/test';
import type { FullConfig, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import ProgressReporter from '../../reports/progress-reporter.ts';
import { RuleProgress } from '../../reports/rule-progress.ts';
import { VERDICTS_ATTACHMENT, type VerdictsAttachment } from '../../lib/verdicts.ts';

let ids = 0;
/** The parts of a TestCase the progress output reads. */
function fakeTest(project: string, rules: string[], retries = 0): TestCase {
  const id = `t${++ids}`;
  return {
    id, retries, expectedStatus: 'passed',
    annotations: rules.map((description) => ({ type: 'rule', description })),
    parent: { project: () => ({ name: project }) },
    titlePath: () => ['', project, 'file.spec.ts', `checks ${rules.join(' ') || 'nothing'}`],
  } as unknown as TestCase;
}

function fakeResult(status: TestResult['status'], retry = 0, verdicts?: VerdictsAttachment['rules'], error?: string): TestResult {
  const attachments = verdicts ? [{ name: VERDICTS_ATTACHMENT, contentType: 'application/json', body: Buffer.from(JSON.stringify({ provider: 'aws-iot', rules: verdicts, retries: 0 })) }] : [];
  return { status, retry, attachments, ...(error ? { error: { message: error } } : {}) } as unknown as TestResult;
}

test('a rule is done when every test that names it has ended; retried attempts and repeats do not count twice', () => {
  const [a, b, c, d] = [fakeTest('aws-iot@mock', ['R-1', 'R-2']), fakeTest('aws-iot@mock', ['R-2'], 1), fakeTest('aws-iot@mock', []), fakeTest('huawei-scm@mock', ['H-1'])];
  const p = new RuleProgress([a!, b!, c!, d!]);
  expect(p.names()).toEqual(['aws-iot@mock', 'huawei-scm@mock']);
  expect(p.get('aws-iot@mock')).toEqual({ rulesDone: 0, rulesTotal: 2, testsDone: 0, testsTotal: 3 });
  expect(p.testEnded(a!, fakeResult('failed'))).toBe('aws-iot@mock');
  expect(p.get('aws-iot@mock')).toMatchObject({ rulesDone: 1, testsDone: 1 }); // R-1 only: b still names R-2
  expect(p.testEnded(a!, fakeResult('failed'))).toBeUndefined();
  expect(p.testEnded(b!, fakeResult('failed', 0))).toBeUndefined(); // will be retried
  expect(p.get('aws-iot@mock')).toMatchObject({ rulesDone: 1, testsDone: 1 });
  expect(p.testEnded(b!, fakeResult('passed', 1))).toBe('aws-iot@mock');
  p.testEnded(c!, fakeResult('skipped'));
  expect(p.get('aws-iot@mock')).toEqual({ rulesDone: 2, rulesTotal: 2, testsDone: 3, testsTotal: 3 });
  expect(p.get('huawei-scm@mock')).toEqual({ rulesDone: 0, rulesTotal: 1, testsDone: 0, testsTotal: 1 });
});

function reporter(tty: boolean, tests: TestCase[]) {
  let now = 0;
  let out = '';
  const r = new ProgressReporter({ tty, write: (s) => (out += s), now: () => now });
  r.onBegin({ metadata: { certconform: { tool: { name: 'certconform', version: '0' }, seed: 7, runId: 's7' } } } as unknown as FullConfig, { allTests: () => tests } as unknown as Suite);
  return { r, tick: (ms: number) => (now += ms), take: () => [out, (out = '')][0]! };
}

test('CI log: at most one line per provider every 2 s, a line when a provider completes, each failure at once, nothing at the end', () => {
  const tests = [1, 2, 3, 4, 5].map((i) => fakeTest('aws-iot@mock', [`R-${i}`]));
  const h = fakeTest('huawei-scm@mock', ['H-1']);
  const { r, tick, take } = reporter(false, [...tests, h]);
  expect(take()).toBe('certconform: 6 tests on aws-iot@mock, huawei-scm@mock (seed 7, run s7)\n');
  r.onTestEnd(tests[0]!, fakeResult('passed'));
  expect(take()).toBe('aws-iot@mock: 1/5 rules (1/5 tests)\n');
  tick(500);
  r.onTestEnd(tests[1]!, fakeResult('passed'));
  const failed = { 'R-3': { passed: 0, failure: { rule: 'R-3', level: 'MUST', message: 'm', received: '200', documented: '406 X', steps: [], replay: { seed: 7, command: 'npx certconform run aws-iot --seed 7' } } } };
  r.onTestEnd(tests[2]!, fakeResult('failed', 0, failed, 'boom'));
  expect(take()).toBe('FAIL R-3 (MUST, aws-iot@mock): 200 / documented 406 X; replay: npx certconform run aws-iot --seed 7\n');
  r.onTestEnd(h, fakeResult('timedOut', 0, undefined, '\u001b[31mTest timeout of 120000ms exceeded.\u001b[39m\nmore'));
  expect(take()).toBe('ERROR huawei-scm@mock file.spec.ts > checks H-1: Test timeout of 120000ms exceeded.\nhuawei-scm@mock: 1/1 rules (1/1 tests)\n');
  tick(1600); // 2.1 s after the last aws-iot line
  r.onTestEnd(tests[3]!, fakeResult('passed'));
  expect(take()).toBe('aws-iot@mock: 4/5 rules (4/5 tests)\n');
  tick(100); // within 2 s, but the provider is complete
  r.onTestEnd(tests[4]!, fakeResult('passed'));
  expect(take()).toBe('aws-iot@mock: 5/5 rules (5/5 tests)\n');
  r.onEnd();
  expect(take()).toBe('');
});

test('terminal: one live line redrawn in place; a failure prints above it; the end leaves the final counts', () => {
  const tests = [fakeTest('aws-iot@mock', ['R-1']), fakeTest('aws-iot@mock', ['R-2'])];
  const { r, tick, take } = reporter(true, tests);
  take();
  r.onTestEnd(tests[0]!, fakeResult('passed'));
  expect(take()).toBe('\r\x1b[2Krules done: aws-iot@mock 1/2  (tests 1/2)');
  tick(200);
  r.onTestEnd(tests[1]!, fakeResult('failed', 0, { 'R-2': { passed: 0, failure: { rule: 'R-2', level: 'SHOULD', message: 'm', received: 'a', documented: 'b', steps: [] } } }));
  expect(take()).toBe('\r\x1b[2KFAIL R-2 (SHOULD, aws-iot@mock): a / documented b\nrules done: aws-iot@mock 1/2  (tests 1/2)\r\x1b[2Krules done: aws-iot@mock 2/2  (tests 2/2)');
  r.onEnd();
  expect(take()).toBe('\r\x1b[2Krules done: aws-iot@mock 2/2  (tests 2/2)\n');
});
