import { expect, test } from '@playwright/test';
import { loadCatalog } from '../../lib/rules/catalog.ts';
import { idList, percent } from '../../reports/counts.ts';
import { plainPhrase } from '../../reports/gate/print.ts';
import { gate } from '../../reports/gate/verdict.ts';
import { renderHtml } from '../../reports/html/render.ts';
import { junitXml } from '../../reports/junit.ts';
import { addVerdict, emptyTally, type RuleTally } from '../../reports/outcomes.ts';
import { buildReport, type TargetRun } from '../../reports/report.ts';
import { METADATA_KEY, runMetadata } from '../../reports/run-metadata.ts';
import { summaryTable } from '../../reports/summary.ts';

/**
 * aws-iot with one MUST rule passed, the others failed or broken, a SHOULD rule failed, and (in
 * a --safe run) rules no test named: the terminal, the page and JUnit must give the same counts.
 */
function report(opts: { safe?: boolean; interrupted?: boolean } = {}) {
  const catalog = loadCatalog('aws-iot');
  const must = catalog.rules.filter((r) => r.level === 'MUST').map((r) => r.id);
  const should = catalog.rules.find((r) => r.level === 'SHOULD')!.id;
  const tallies = new Map<string, RuleTally>();
  const fill = (id: string, f: (t: RuleTally) => void) => {
    const t = emptyTally();
    t.tests.add(`checks ${id}`);
    f(t);
    tallies.set(id, t);
  };
  const failure = (id: string, level = 'MUST') => ({ rule: id, level, message: `[${id}] x`, received: '200', documented: '406', steps: [] });
  // Of the catalog's MUST rules: 1 passed, 1 error, the rest failed but the last two (no test).
  fill(must[0]!, (t) => addVerdict(t, { passed: 2 }));
  fill(must[1]!, (t) => t.errors.push('checks: broke'));
  for (const id of must.slice(2, -2)) fill(id, (t) => addVerdict(t, { passed: 0, failure: failure(id) }));
  fill(should, (t) => addVerdict(t, { passed: 0, failure: failure(should, 'SHOULD') }));
  const run: TargetRun = { project: 'aws-iot@mock', provider: 'aws-iot', target: 'mock', tallies, setupErrors: [] };
  const meta = runMetadata({ CERTCONFORM_SEED: '1', CERTCONFORM_RUN_ID: 'rc', ...(opts.safe ? { CERTCONFORM_SAFE: '1' } : {}) })[METADATA_KEY];
  const r = buildReport([run], new Map([['aws-iot', catalog]]), {
    started: new Date(0), finished: new Date(1000), retries: 0, run: meta, ...(opts.interrupted ? { interrupted: { testsEnded: 5, testsTotal: 9 } } : {}),
  });
  return { r, must };
}

test('one rounding, down: nothing short of all reads 100%, and 1 of 19 is 5.2% everywhere', () => {
  expect(percent(1 / 19)).toBe('5.2%');
  expect(percent(1999 / 2000)).toBe('99.9%');
  expect(percent(1)).toBe('100.0%');
  expect(idList(['a', 'b', 'c'], 2)).toBe('a, b and 1 more');
});

test('the terminal, the page and JUnit give the same counts: judged of the catalog, not met, not judged and why, the score', () => {
  const { r, must } = report({ safe: true });
  const total = must.length;
  const notMet = total - 3; // all but the passed one and the two without a test
  const score = percent(1 / (total - 2));
  const terminal = summaryTable(r);
  const page = renderHtml(r);
  const junit = junitXml(r);
  const judged = `MUST judged ${total - 2} of ${total}`;
  const notJudged = '2 MUST rules not judged: 2 --safe';
  for (const [where, text] of [['terminal', terminal], ['page', page], ['junit', junit]] as const) {
    expect(text, where).toContain(judged);
    expect(text, where).toContain(notJudged);
    expect(text, where).toContain(score);
  }
  expect(terminal).toContain(`${notMet} MUST rules not met: `);
  expect(terminal).toMatch(new RegExp(`not met: (\\S+, ){7}\\S+ and ${notMet - 8} more`));
  expect(terminal).toContain('1 SHOULD rule failed (not gated)');
  expect(page).toContain(`Not conformant: ${notMet} MUST rules not met`);
  expect(junit).toContain(`name="must-not-met" value="${notMet}"`);
  expect(plainPhrase(gate(r, { today: '2026-01-01' }), r)).toMatch(new RegExp(`^${notMet} MUST rules not met: .* and ${notMet - 8} more$`));
});

test('a pass that left MUST rules out says so in the verdict line and on the page', () => {
  const catalog = loadCatalog('aws-iot');
  const first = catalog.rules.find((r) => r.level === 'MUST')!.id;
  const t = emptyTally();
  t.tests.add('checks');
  addVerdict(t, { passed: 1 });
  const run: TargetRun = { project: 'aws-iot@mock', provider: 'aws-iot', target: 'mock', tallies: new Map([[first, t]]), setupErrors: [] };
  const meta = runMetadata({ CERTCONFORM_SEED: '1', CERTCONFORM_GREP: first })[METADATA_KEY];
  const r = buildReport([run], new Map([['aws-iot', catalog]]), { started: new Date(0), finished: new Date(1000), retries: 0, run: meta });
  const total = catalog.rules.filter((x) => x.level === 'MUST').length;
  expect(plainPhrase(gate(r, { today: '2026-01-01' }), r)).toBe(`every MUST rule that ran passed; MUST judged 1 of ${total} (see the summary for why)`);
  expect(renderHtml(r)).toContain(`Conformant: every MUST rule that ran passed; MUST judged 1 of ${total}`);
  expect(summaryTable(r)).toContain(`${total - 1} MUST rules not judged: ${total - 1} --grep`);
});

test('an interrupted run has no score and no verdict anywhere, and the gate refuses it', () => {
  const { r } = report({ interrupted: true });
  expect(r.summary['aws-iot@mock']!.score).toBeNull();
  expect(summaryTable(r)).toContain('interrupted after 5 of 9 tests: no verdict');
  expect(summaryTable(r)).not.toMatch(/%|not met:/);
  expect(renderHtml(r)).toContain('Interrupted after 5 of 9 tests: no verdict');
  expect(junitXml(r)).toContain('name="interrupted" value="interrupted after 5 of 9 tests: no verdict"');
  const v = gate(r, { today: '2026-01-01' });
  expect(v.code).toBe(2);
  expect(v.fatal[0]).toBe('the run was interrupted after 5 of 9 tests: no verdict');
});
