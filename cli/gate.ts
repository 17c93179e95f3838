import { join, resolve } from 'node:path';
import { defaultReportDir } from '../lib/paths.ts';
import { BaselineError, loadBaseline } from '../reports/baseline/load.ts';
import { utcToday } from '../reports/baseline/format.ts';
import { loadReport, ReportFileError } from '../reports/gate/load-report.ts';
import { MinScoreError, parseMinScore } from '../reports/gate/min-score.ts';
import { gateLines, verdictPhrase } from '../reports/gate/print.ts';
import { gate, type GateOptions } from '../reports/gate/verdict.ts';
import type { ConformanceReport } from '../reports/report.ts';
import { UsageError } from './mock.ts';

/** The gate's flags, shared by `certconform run` and `certconform gate`. */
export interface GateFlags {
  baseline?: string;
  allowStaleBaseline?: boolean;
  minScore?: string[];
}

export const DEFAULT_REPORT = join(defaultReportDir(), 'conformance.json');

export const wantsGate = (f: GateFlags) => !!(f.baseline || f.minScore?.length || f.allowStaleBaseline);

/** Reads the baseline and thresholds before anything runs: a bad file or flag is a UsageError (exit 2). */
export function prepareGate(f: GateFlags): Omit<GateOptions, 'today'> {
  if (f.allowStaleBaseline && !f.baseline) throw new UsageError('--allow-stale-baseline goes with --baseline FILE');
  try {
    return {
      ...(f.baseline ? { baseline: loadBaseline(resolve(f.baseline)) } : {}),
      allowStale: !!f.allowStaleBaseline,
      minScores: (f.minScore ?? []).map(parseMinScore),
    };
  } catch (e) {
    if (e instanceof BaselineError || e instanceof MinScoreError) throw new UsageError(e.message);
    throw e;
  }
}

/** Applies the gate to a report and prints its table; the caller prints the verdict line. */
export function applyGate(report: ConformanceReport, opts: Omit<GateOptions, 'today'>, today = utcToday()): { code: number; why: string } {
  const verdict = gate(report, { ...opts, today });
  for (const line of gateLines(verdict, { allowStale: opts.allowStale, today })) console.log(line);
  return { code: verdict.code, why: verdictPhrase(verdict) };
}

/** `certconform gate`: the gate over a report produced elsewhere (a merged sharded run, another machine). */
export async function gateCommand(opts: GateFlags & { report?: string }): Promise<number> {
  try {
    const prepared = prepareGate(opts);
    const report = loadReport(opts.report ? resolve(opts.report) : DEFAULT_REPORT);
    const { code, why } = applyGate(report, prepared);
    console.log(`certconform ${why}; exit ${code}`);
    return code;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ReportFileError) {
      console.error(`certconform gate: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
