import { resolve } from 'node:path';
import { interruptedPhrase } from '../reports/counts.ts';
import { diffReports, type ReportDiff } from '../reports/diff/diff.ts';
import { diffPhrase, diffTable } from '../reports/diff/print.ts';
import { loadReport, ReportFileError } from '../reports/gate/load-report.ts';
import type { ConformanceReport } from '../reports/report.ts';

export interface DiffOptions {
  json?: boolean;
  /** Also list the unchanged rows in the table. */
  all?: boolean;
}

/** A report that judged nothing about the implementation (stopped, or a setup error) is no side of a diff. */
function comparable(name: string, file: string, r: ConformanceReport): void {
  if (r.run.interrupted) throw new ReportFileError(`${name} ${file}: the run was ${interruptedPhrase(r.run.interrupted)}`);
  const setup = r.run.setupErrors;
  if (setup.length) throw new ReportFileError(`${name} ${file}: the run had a setup error, not a verdict on the implementation: ${setup[0]}`);
}

const jsonOf = (d: ReportDiff, files: { base: string; head: string }, reports: { base: ConformanceReport; head: ConformanceReport }) => {
  const run = (r: ConformanceReport) => ({ tool: r.run.tool, ...(r.run.seed !== undefined ? { seed: r.run.seed } : {}), ...(r.run.runId ? { runId: r.run.runId } : {}) });
  return { version: 1, base: { file: files.base, ...run(reports.base) }, head: { file: files.head, ...run(reports.head) }, notes: d.notes, counts: d.counts, rows: d.rows };
};

/**
 * `certconform diff BASE HEAD`: per rule and provider@target, fixed, regressed, new, removed or
 * unchanged (reports/diff/classify.ts says how not-applicable and not-run count). Exit 1 when a
 * MUST rule regressed, 2 for a file that is no comparable report, else 0.
 */
export async function diffCommand(baseFile: string, headFile: string, opts: DiffOptions): Promise<number> {
  let base: ConformanceReport;
  let head: ConformanceReport;
  try {
    base = loadReport(resolve(baseFile));
    head = loadReport(resolve(headFile));
    comparable('BASE', baseFile, base);
    comparable('HEAD', headFile, head);
  } catch (e) {
    if (!(e instanceof ReportFileError)) throw e;
    console.error(`certconform diff: ${e.message}`);
    return 2;
  }
  const d = diffReports(base, head);
  const code = d.regressedMust.length ? 1 : 0;
  if (opts.json) {
    console.log(JSON.stringify(jsonOf(d, { base: baseFile, head: headFile }, { base, head }), null, 2));
    return code;
  }
  for (const line of [...d.notes, ...diffTable(d, opts.all)]) console.log(line);
  console.log(`certconform diff: ${diffPhrase(d)}; exit ${code}`);
  return code;
}
