import { idList, interruptedPhrase, judgedPhrase, mustCounts, notJudgedPhrase, notMet, plural, scoreText } from './counts.ts';
import { parityRows, parityText } from './parity.ts';
import type { ConformanceReport, RuleEntry } from './report.ts';

const evidence = (r: RuleEntry) =>
  r.outcome === 'failed' ? `FAIL ${r.id} (${r.level}, ${r.target}): ${r.failure?.received ?? ''} / documented ${r.failure?.documented ?? ''}`
  : `ERROR ${r.id} (${r.level}, ${r.target}): ${(r.reason ?? '').slice(0, 160)}`;

/**
 * The compact table printed at the end of a run: per target, MUST judged of the catalog's, MUST
 * and SHOULD passed/judged, the score and the MUST rules not met; then why MUST rules were not
 * judged, and the rules not met (the same count the verdict line and the page give).
 */
export function summaryTable(report: ConformanceReport): string {
  const rows = [['target', 'MUST judged', 'MUST passed/judged', 'SHOULD passed/judged', 'score', 'MUST not met']];
  const notes: string[] = [];
  for (const [project, s] of Object.entries(report.summary)) {
    const c = mustCounts(report, project);
    rows.push([project, `${c.judged} of ${c.total}`, `${s.must.passed}/${s.must.run}`, `${s.should.passed}/${s.should.run}`, scoreText(s.score), String(c.notMet.length)]);
    const why = notJudgedPhrase(c);
    notes.push(`${project}: ${judgedPhrase(c)}${why ? `; ${why}` : ''}`);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
  // Where implementations compared in one run disagree: first after the table.
  const parity = parityText(parityRows(report));
  const out = [...lines, '', ...(parity.length ? [...parity, ''] : []), ...notes];
  if (report.run.interrupted) return [...out, '', `${interruptedPhrase(report.run.interrupted)} (the counts above are partial)`].join('\n');
  const must = report.rules.filter(notMet);
  if (must.length) {
    const shown = must.slice(0, 20).map((r) => `  ${evidence(r)}`);
    out.push('', `${plural(must.length, 'MUST rule')} not met: ${idList(must.map((r) => `${r.id}@${r.target}`))}`, ...shown);
    if (must.length > 20) out.push(`  and ${must.length - 20} more (see the report)`);
  }
  const should = report.rules.filter((r) => r.level === 'SHOULD' && r.outcome === 'failed');
  if (should.length) out.push('', `${plural(should.length, 'SHOULD rule')} failed (not gated): ${idList(should.map((r) => `${r.id}@${r.target}`))}`);
  return out.join('\n');
}
