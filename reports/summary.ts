import type { ConformanceReport } from './report.ts';

const pct = (n: number | null) => (n === null ? '  -  ' : `${(n * 100).toFixed(1).padStart(5)}%`);

/** The compact table printed at the end of a run: per target, MUST and SHOULD passed/run. */
export function summaryTable(report: ConformanceReport): string {
  const rows = [['target', 'MUST passed/run', 'SHOULD passed/run', 'score', 'failed MUST']];
  for (const [project, s] of Object.entries(report.summary)) {
    rows.push([project, `${s.must.passed}/${s.must.run}`, `${s.should.passed}/${s.should.run}`, pct(s.score), String(s.failedMust)]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  const failed = report.rules.filter((r) => r.outcome === 'failed');
  const tail = failed.slice(0, 20).map((r) => `  FAIL ${r.id} (${r.level}, ${r.target}): ${r.failure?.received ?? ''} / documented ${r.failure?.documented ?? ''}`);
  return [...lines, ...(failed.length ? ['', `${failed.length} rule(s) failed:`, ...tail] : [])].join('\n');
}
