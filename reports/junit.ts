import type { FailureRecord } from '../lib/verdicts.ts';
import { interruptedPhrase, judgedPhrase, mustCounts, notJudgedPhrase, scoreText } from './counts.ts';
import type { ConformanceReport, RuleEntry } from './report.ts';
import { attrs, element } from './xml.ts';

/**
 * The conformance report as JUnit XML: one <testsuite> per provider@target and one <testcase>
 * per rule, so CI systems list rules by id and statement rather than by test file. A failed rule
 * carries its evidence (steps, curl per step, replay) in the <failure> body; an error is an
 * <error>; not run and not applicable are <skipped> with the reason (never a pass).
 */
export function junitXml(report: ConformanceReport): string {
  const byProject = new Map<string, RuleEntry[]>();
  for (const r of report.rules) {
    const project = `${r.provider}@${r.target}`;
    byProject.set(project, [...(byProject.get(project) ?? []), r]);
  }
  const seconds = ((Date.parse(report.run.finished) - Date.parse(report.run.started)) / 1000).toFixed(3);
  const suites = [...byProject].map(([project, rules]) => testsuite(report, project, rules, seconds));
  const total = counts(report.rules);
  const root = attrs({ name: 'certconform', ...total, time: seconds });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${root}>\n${suites.join('\n')}\n</testsuites>\n`;
}

function counts(rules: RuleEntry[]) {
  const n = (o: string[]) => rules.filter((r) => o.includes(r.outcome)).length;
  return { tests: rules.length, failures: n(['failed']), errors: n(['error']), skipped: n(['not-run', 'not-applicable']) };
}

function testsuite(report: ConformanceReport, project: string, rules: RuleEntry[], seconds: string): string {
  const spec = report.run.targets.find((t) => t.project === project)?.spec;
  // The counts in the words the terminal and the page use (reports/counts.ts).
  const c = mustCounts(report, project);
  const stopped = report.run.interrupted;
  const props = {
    seed: report.run.seed, runId: report.run.runId, tool: `${report.run.tool.name} ${report.run.tool.version}`,
    spec: spec && `${spec.file} ${spec.version} sha256:${spec.sha256}`,
    must: judgedPhrase(c), 'must-not-judged': notJudgedPhrase(c), 'must-not-met': String(c.notMet.length),
    score: scoreText(report.summary[project]?.score), interrupted: stopped && interruptedPhrase(stopped),
  };
  const properties = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([name, value]) => `    ${element('property', { name, value })}`);
  const head = attrs({ name: project, ...counts(rules), time: seconds, timestamp: report.run.started });
  return [`  <testsuite${head}>`, '    <properties>', ...properties.map((p) => `  ${p}`), '    </properties>', ...rules.map((r) => `    ${testcase(project, r)}`), '  </testsuite>'].join('\n');
}

/**
 * The rule's standing as test case properties (the pytest style most JUnit consumers show):
 * its level, what it rests on and where. The name stays `ID (LEVEL) statement`, so a CI's
 * history of a rule does not break when its basis is corrected.
 */
function properties(r: RuleEntry): string {
  const props = { level: r.level, basis: r.basis, source: `${r.source.file} > ${r.source.heading}` };
  const inner = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([name, value]) => element('property', { name, value }));
  return `<properties>${inner.join('')}</properties>`;
}

function testcase(project: string, r: RuleEntry): string {
  const open = `<testcase${attrs({ classname: project, name: `${r.id} (${r.level}) ${r.statement}` })}>`;
  const inner =
    r.outcome === 'failed' && r.failure ? element('failure', { message: `Received: ${r.failure.received} / Documented: ${r.failure.documented}`, type: r.level }, evidence(r, r.failure))
    : r.outcome === 'failed' || r.outcome === 'error' ? element('error', { message: r.reason ?? r.outcome, type: r.level }, [r.reason ?? r.outcome, ...r.tests.map((t) => `test: ${t}`)].join('\n'))
    : r.outcome === 'not-run' ? element('skipped', { message: `not run: ${r.reason ?? ''}` })
    : r.outcome === 'not-applicable' ? element('skipped', { message: `not applicable: ${r.reason ?? ''}` })
    : '';
  return `${open}${properties(r)}${inner}</testcase>`;
}

/**
 * What a CI reader needs to act on a failure: the check's own message (it states received,
 * documented and, for a property, the shrunk sequence and replay), where the rule is
 * documented, and each step with the curl that replays it.
 */
function evidence(r: RuleEntry, f: FailureRecord): string {
  const basis = r.basis ? ` (basis: ${r.basis})` : '';
  const lines = [f.message.trimEnd(), '', `Source: ${r.source.file} > ${r.source.heading}${basis}`];
  if (f.sequence?.length && !f.message.includes(f.sequence[0]!)) lines.push('', 'Shrunk sequence:', ...f.sequence.map((s) => `  ${s}`));
  if (f.steps.length) lines.push('', 'Steps:');
  for (const s of f.steps) {
    const answer = s.response ? `${s.response.status}${s.response.code ? ` ${s.response.code}` : ''}` : 'no response';
    lines.push(`  ${s.n}. ${s.label} -> ${answer}`, `     ${s.curl}`);
  }
  if (f.replay && !f.message.includes(f.replay.command)) lines.push('', `Reproduce with: ${f.replay.command}`);
  return lines.join('\n');
}
