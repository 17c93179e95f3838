import { loadCatalog } from '../../lib/rules/catalog.ts';
import type { StepRecord } from '../../lib/verdicts.ts';
import { addVerdict, emptyTally, type RuleTally } from '../../reports/outcomes.ts';
import { buildReport, type ConformanceReport, type TargetRun } from '../../reports/report.ts';
import { METADATA_KEY, runMetadata } from '../../reports/run-metadata.ts';

/** What a hostile or broken target could put in a response body: it must stay text on the page. */
export const INJECTED = '</script><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

const BASE = 'http://127.0.0.1:4013';
const step = (n: number, label: string, operation: string, method: string, path: string, status: number, body: string): StepRecord => ({
  n, label, operation,
  request: { method, url: `${BASE}${path}`, headers: { 'x-auth-token': '[REDACTED]', 'content-type': 'application/json' }, ...(method === 'POST' ? { body: '{"name":"cc-run1-cert"}' } : {}) },
  response: { status, headers: { 'content-type': 'application/json' }, body },
  curl: `curl -sS -i -X ${method} '${BASE}${path}' -H 'x-auth-token: [REDACTED]'`,
});

function targetRun(project: string, provider: TargetRun['provider'], tallies: [string, (t: RuleTally) => void][]): TargetRun {
  const map = new Map<string, RuleTally>();
  for (const [rule, fill] of tallies) {
    const t = emptyTally();
    t.tests.add(`${provider}/some.spec.ts > checks ${rule}`);
    fill(t);
    map.set(rule, t);
  }
  return { project, provider, target: 'mock', tallies: map, setupErrors: [] };
}

/**
 * A realistic report through the real buildReport and the real rule catalogs: huawei-scm with a
 * MUST failure (steps, curl, replay; a response body carrying INJECTED), an error, a
 * not-applicable and not-run rules, passes; aws-iot with passes only, so there are two rows.
 */
export function fixtureReport(): ConformanceReport {
  const steps = [
    step(1, 'import cert-1', 'ImportCertificate', 'POST', '/v3/scm/certificates/import', 200, '{"certificate_id":"scs1700000000001"}'),
    step(2, 'DeleteCertificate(scs17..)', 'DeleteCertificate', 'DELETE', '/v3/scm/certificates/scs1700000000001', 200, `{"note":"${INJECTED.replace(/"/g, '\\"')}"}`),
  ];
  const huawei = targetRun('huawei-scm@mock', 'huawei-scm', [
    ['HWSCM-DEL-001', (t) => addVerdict(t, { passed: 0, failure: {
      rule: 'HWSCM-DEL-001', level: 'MUST', message: `[HWSCM-DEL-001 MUST] Received: 200 / Documented: 204 ${INJECTED}`,
      received: '200', documented: '204', steps, sequence: ['1. ImportCertificate(cert-1) -> 200', '2. DeleteCertificate(scs17..) -> 200'],
      replay: { seed: 42, path: '3:1', command: "npx certconform run huawei-scm --seed 42 --path '3:1' --grep 'huawei-scm model'" },
    } })],
    ['HWSCM-DEL-002', (t) => addVerdict(t, { passed: 4 })],
    ['HWSCM-DEL-003', (t) => t.errors.push('huawei-scm/show.spec.ts > show after delete: socket hang up')],
    ['HWSCM-DEL-004', (t) => addVerdict(t, { passed: 0, notApplicable: 'the target keeps deleted ids forever' })],
    ['HWSCM-DEL-005', (t) => addVerdict(t, { passed: 2, chosen: ['400'] })],
  ]);
  const aws = targetRun('aws-iot@mock', 'aws-iot', [
    ['AWSIOT-DEL-001', (t) => addVerdict(t, { passed: 3 })],
    ['AWSIOT-DEL-008', (t) => addVerdict(t, { passed: 6 })],
  ]);
  const catalogs = new Map([huawei, aws].map((r) => [r.provider, loadCatalog(r.provider)] as const));
  const meta = runMetadata({ CERTCONFORM_SEED: '42', CERTCONFORM_RUN_ID: 'rpage1' })[METADATA_KEY];
  return buildReport([huawei, aws], catalogs, { started: new Date('2026-01-02T10:00:00Z'), finished: new Date('2026-01-02T10:00:12Z'), retries: 1, run: meta });
}
