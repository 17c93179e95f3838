import type { FailureRecord, RuleVerdict } from '../lib/verdicts.ts';

/** The closed set of rule outcomes in a report. */
export const OUTCOMES = ['passed', 'failed', 'error', 'not-applicable', 'not-run'] as const;
export type RuleOutcome = (typeof OUTCOMES)[number];

/**
 * Why a rule was not run, as data (the summary counts by it): no test of this run names it
 * (`--safe`, `--grep`, another shard), the test found the target without what the rule needs (a
 * capability, a condition), the test skipped, stopped at another rule's failure, or was cut short.
 */
export const NOT_RUN = ['unselected', 'target', 'skipped', 'not-reached', 'interrupted'] as const;
export type NotRunWhy = (typeof NOT_RUN)[number];

/** What all tests together said about one rule on one target. */
export interface RuleTally {
  passed: number;
  failure?: FailureRecord;
  errors: string[];
  /** Errors that were setup errors (the target gone, credentials refused): not judged, never "not met". */
  setupErrors: string[];
  notRun: { why: NotRunWhy; reason: string }[];
  notApplicable: string[];
  chosen: Set<string>;
  tests: Set<string>;
}

export const emptyTally = (): RuleTally => ({ passed: 0, errors: [], setupErrors: [], notRun: [], notApplicable: [], chosen: new Set(), tests: new Set() });

export function addVerdict(t: RuleTally, v: RuleVerdict): void {
  t.passed += v.passed;
  // Keep one failure per rule; a shrunk property counterexample (it has a replay) is the
  // minimal failing sequence, the best evidence, so it wins over a scenario's failure.
  if (v.failure && (!t.failure || (v.failure.replay && !t.failure.replay))) t.failure = v.failure;
  if (v.notRun) t.notRun.push({ why: 'target', reason: v.notRun });
  if (v.notApplicable) t.notApplicable.push(v.notApplicable);
  for (const c of v.chosen ?? []) t.chosen.add(c);
}

/**
 * One outcome per rule: a failure anywhere fails it; an error (the test broke without a
 * verdict) beats a pass; a pass needs at least one check that held; "not applicable" and
 * "not run" never count as passes.
 */
export function outcomeOf(t: RuleTally | undefined): { outcome: RuleOutcome; reason?: string; notRun?: NotRunWhy; setupError?: true } {
  if (!t) return { outcome: 'not-run', reason: 'no test checks this rule on this target', notRun: 'unselected' };
  if (t.failure) return { outcome: 'failed' };
  if (t.errors.length) return { outcome: 'error', reason: t.errors[0] };
  if (t.setupErrors.length) return { outcome: 'error', reason: t.setupErrors[0], setupError: true };
  if (t.passed > 0) return { outcome: 'passed' };
  if (t.notApplicable.length) return { outcome: 'not-applicable', reason: t.notApplicable[0] };
  const first = t.notRun[0] ?? { why: 'not-reached', reason: 'the tests that check it ended before reaching it' };
  return { outcome: 'not-run', reason: first.reason, notRun: first.why };
}
