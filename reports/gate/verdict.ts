import { compareWithBaseline, type Finding } from '../baseline/compare.ts';
import { EMPTY_BASELINE, type Baseline } from '../baseline/format.ts';
import { interruptedPhrase } from '../counts.ts';
import type { ConformanceReport } from '../report.ts';
import { checkScores, type MinScore, type ScoreCheck } from './min-score.ts';

export interface GateOptions {
  baseline?: Baseline;
  /** A listed rule that passes now is printed but does not fail the gate. */
  allowStale?: boolean;
  minScores?: MinScore[];
  /** YYYY-MM-DD (UTC): the day `expires` is compared with. */
  today: string;
}

export interface GateVerdict {
  /** 0 conformant (as far as the baseline allows), 1 non-conformant, 2 setup error. */
  code: 0 | 1 | 2;
  findings: Finding[];
  scores: ScoreCheck[];
  /** The reasons for exit 1 (or 2), one phrase each; empty for 0. */
  fatal: string[];
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** The reason of a run that judged no rule (a target that never came up, a --grep that selects nothing). */
export const NOTHING_JUDGED = 'nothing judged: no rule ran';

/**
 * The CI gate, a pure function of the report: a MUST rule that failed or broke fails it unless
 * the baseline excuses it (and has not expired); a baseline entry whose rule passes now fails it
 * (the baseline shrinks instead of rotting) unless allowStale; so does a score under a minimum.
 * SHOULD rules never fail it; a run that judged nothing (setup error, no rule ran) is 2.
 * With no baseline and no thresholds it is the plain run's verdict (`verdictOf` in cli/run.ts).
 */
export function gate(report: ConformanceReport, opts: GateOptions): GateVerdict {
  const unjudged = (why: string): GateVerdict => ({ code: 2, findings: [], scores: [], fatal: [why] });
  // A stopped run is no evidence either way: what it did not reach would count as judged.
  if (report.run.interrupted) return unjudged(`the run was ${interruptedPhrase(report.run.interrupted)}`);
  const setup = report.run.setupErrors;
  if (setup.length) return unjudged(`setup error${setup.length > 1 ? ` (${setup.length} tests)` : ''}: ${setup[0]}`);
  // A run that judged no rule passes nothing, whatever the baseline.
  if (!report.rules.some((r) => r.outcome === 'passed' || r.outcome === 'failed' || r.outcome === 'error')) return unjudged(NOTHING_JUDGED);
  const findings = compareWithBaseline(report, opts.baseline ?? EMPTY_BASELINE, opts.today);
  const scores = checkScores(report, opts.minScores ?? []);
  const must = (kind: Finding['kind']) => findings.filter((f) => f.kind === kind && f.level === 'MUST').length;
  const stale = findings.filter((f) => f.kind === 'stale').length;
  const below = scores.filter((s) => s.below).length;
  const fatal = [
    ...(must('new') ? [count(must('new'), 'new MUST failure')] : []),
    ...(must('expired') ? [count(must('expired'), 'MUST failure whose baseline entry expired')] : []),
    ...(stale && !opts.allowStale ? [count(stale, 'stale baseline entry')] : []),
    ...(below ? [count(below, 'score below its minimum')] : []),
  ];
  return { code: fatal.length ? 1 : 0, findings, scores, fatal };
}
