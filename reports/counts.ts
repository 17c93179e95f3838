import type { NotRunWhy } from './outcomes.ts';
import type { ConformanceReport, RuleEntry } from './report.ts';

/**
 * The counts a reader sees, formatted once so the terminal, the page, JUnit, the gate and the
 * baseline say the same thing: MUST rules judged of the catalog's, not met, not judged and why.
 */

/** Every percentage: rounded down to 0.1, so nothing short of all says 100%. */
export const percent = (x: number): string => `${(Math.floor(x * 1000) / 10).toFixed(1)}%`;

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A list of ids cut at `max`: `a, b, c and 5 more`. */
export function idList(ids: string[], max = 8): string {
  return ids.length > max ? `${ids.slice(0, max).join(', ')} and ${ids.length - max} more` : ids.join(', ');
}

/** Judged: passed, failed, or broke without a verdict; a setup error judged nothing. */
export const isJudged = (r: RuleEntry): boolean => (r.outcome === 'passed' || r.outcome === 'failed' || r.outcome === 'error') && !r.setupError;

/** A MUST rule not met: failed, or broke without a verdict (what the gate and the exit code count). */
export const notMet = (r: RuleEntry): boolean => r.level === 'MUST' && (r.outcome === 'failed' || r.outcome === 'error') && !r.setupError;

/** The rules a report holds for one provider@target. */
export const rulesOf = (report: ConformanceReport, project: string): RuleEntry[] =>
  report.rules.filter((r) => `${r.provider}@${r.target}` === project);

export type NotJudgedWhy = 'setup error' | '--safe' | '--grep' | 'another shard' | 'capability missing' | 'not applicable' | 'skipped' | 'not reached' | 'interrupted' | 'no test';

/** Why one rule was not judged, in the words the summary counts by. */
export function whyNotJudged(r: RuleEntry, report: ConformanceReport): NotJudgedWhy {
  if (r.outcome === 'not-applicable') return 'not applicable';
  if (r.setupError) return 'setup error';
  const why: NotRunWhy | undefined = r.notRun;
  const sel = report.run.selection ?? {};
  if (why === 'unselected' || (!why && !r.tests.length)) return sel.safe ? '--safe' : sel.grep ? '--grep' : sel.shard ? 'another shard' : 'no test';
  if (why === 'target') return 'capability missing';
  if (why === 'skipped') return 'skipped';
  if (why === 'interrupted') return 'interrupted';
  return 'not reached';
}

export interface MustCounts {
  project: string;
  /** MUST rules of the provider's catalog (the report holds one entry per catalog rule). */
  total: number;
  judged: number;
  passed: number;
  notMet: RuleEntry[];
  notJudged: Map<NotJudgedWhy, number>;
}

export function mustCounts(report: ConformanceReport, project: string): MustCounts {
  const must = rulesOf(report, project).filter((r) => r.level === 'MUST');
  const notJudged = new Map<NotJudgedWhy, number>();
  for (const r of must.filter((x) => !isJudged(x))) {
    const why = whyNotJudged(r, report);
    notJudged.set(why, (notJudged.get(why) ?? 0) + 1);
  }
  return {
    project,
    total: must.length,
    judged: must.filter(isJudged).length,
    passed: must.filter((r) => r.outcome === 'passed').length,
    notMet: must.filter(notMet),
    notJudged,
  };
}

/** What a pass leaves out, for verdict lines: `; MUST judged 4 of 20`, or '' when every MUST rule was judged. */
export function partialNote(report: ConformanceReport): string {
  const must = report.rules.filter((r) => r.level === 'MUST');
  const judged = must.filter(isJudged).length;
  return judged < must.length ? `; MUST judged ${judged} of ${must.length} (see the summary for why)` : '';
}

/** `MUST judged 40 of 52`. */
export const judgedPhrase = (c: MustCounts): string => `MUST judged ${c.judged} of ${c.total}`;

/** `12 MUST rules not judged: 9 --safe, 2 capability missing, 1 not applicable`, or undefined. */
export function notJudgedPhrase(c: MustCounts): string | undefined {
  const n = c.total - c.judged;
  if (!n) return undefined;
  const parts = [...c.notJudged].sort((a, b) => b[1] - a[1]).map(([why, k]) => `${k} ${why}`);
  return `${plural(n, 'MUST rule')} not judged: ${parts.join(', ')}`;
}

/** The score a reader sees: `-` when nothing can be scored (no MUST rule judged, an interrupted run). */
export const scoreText = (score: number | null | undefined): string => (score == null ? '-' : percent(score));

/** Every MUST rule not met in the report, by `RULE@target`. */
export const notMetIds = (report: ConformanceReport): string[] => report.rules.filter(notMet).map((r) => `${r.id}@${r.target}`);

/** `interrupted after 12 of 326 tests: no verdict`. */
export const interruptedPhrase = (i: { testsEnded: number; testsTotal: number }): string =>
  `interrupted after ${i.testsEnded} of ${i.testsTotal} tests: no verdict`;
