import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { entryName, utcToday, type Baseline, type BaselineEntry } from '../reports/baseline/format.ts';
import { baselineFromReport } from '../reports/baseline/from-report.ts';
import { BaselineError, loadBaseline } from '../reports/baseline/load.ts';
import { idList, interruptedPhrase, isJudged, plural } from '../reports/counts.ts';
import { loadReport, ReportFileError } from '../reports/gate/load-report.ts';
import type { ConformanceReport } from '../reports/report.ts';
import { DEFAULT_REPORT } from './gate.ts';
import { UsageError } from './mock.ts';

export interface BaselineOptions {
  from?: string;
  out?: string;
  reason?: string;
  expires?: string;
}

function checkExpires(expires: string | undefined): void {
  if (expires === undefined) return;
  const d = new Date(`${expires}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expires) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== expires) {
    throw new UsageError(`--expires takes a date YYYY-MM-DD (the last day the entries excuse), got '${expires}'`);
  }
  if (expires < utcToday()) throw new UsageError(`--expires ${expires} is in the past: the entries would excuse nothing`);
}

/**
 * A baseline records deviations of the target, never what stopped the run from judging it:
 * setup errors (credentials refused, target gone), an interrupted run, a run that judged nothing.
 */
function refuseUnjudged(report: ConformanceReport): void {
  const { interrupted, setupErrors } = report.run;
  if (interrupted) throw new UsageError(`the run was ${interruptedPhrase(interrupted)}; run it to the end first`);
  if (setupErrors.length) {
    const broken = report.rules.filter((r) => r.setupError && r.level !== 'INFO').map((r) => `${r.id}@${r.target}`);
    throw new UsageError(
      `the run had ${plural(setupErrors.length, 'setup error')}, which are not deviations of the target: ${setupErrors[0]}` +
        (broken.length ? `; rules not judged because of them: ${idList(broken)}` : '') + '; fix the setup and run again',
    );
  }
  if (!report.rules.some(isJudged)) throw new UsageError('the run judged no rule: a baseline from it would list nothing');
}

/**
 * `certconform baseline --from REPORT`: writes a baseline of the run's MUST and SHOULD rules that
 * failed or broke. Regenerating over an existing baseline keeps its entries' reasons and dates.
 */
export async function baselineCommand(opts: BaselineOptions): Promise<number> {
  try {
    checkExpires(opts.expires);
    if (opts.reason !== undefined && !opts.reason.trim()) throw new UsageError('--reason must say something');
    const report = loadReport(opts.from ? resolve(opts.from) : DEFAULT_REPORT);
    refuseUnjudged(report);
    const out = opts.out ? resolve(opts.out) : resolve('reports', 'baseline.json');
    const previous: Baseline | undefined = existsSync(out) ? loadBaseline(out) : undefined;
    const baseline = baselineFromReport(report, { reason: opts.reason, expires: opts.expires, previous });
    try {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, `${JSON.stringify(baseline, null, 2)}\n`);
    } catch (e) {
      throw new UsageError(`cannot write the baseline to ${out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): give --out a writable file`);
    }
    for (const e of baseline.entries) console.log(`  ${entryName(e)}${e.expires ? ` until ${e.expires}` : ''}: ${e.reason}`);
    const same = (p: BaselineEntry) => (e: BaselineEntry) => p.rule === e.rule && p.provider === e.provider && p.target === e.target;
    const kept = (previous?.entries ?? []).filter((p) => baseline.entries.some(same(p))).length;
    const dropped = (previous?.entries.length ?? 0) - kept;
    console.log(`certconform baseline: wrote ${baseline.entries.length} entr${baseline.entries.length === 1 ? 'y' : 'ies'} to ${out}${previous ? ` (kept ${kept} entries of the earlier baseline, dropped ${dropped} whose rule passed)` : ''}`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ReportFileError || e instanceof BaselineError) {
      console.error(`certconform baseline: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
