import type { RuleOutcome } from '../outcomes.ts';

/** The closed set of changes one rule on one target can show between two reports. */
export const CHANGES = ['regressed', 'fixed', 'new', 'removed', 'unchanged'] as const;
export type Change = (typeof CHANGES)[number];

/** An outcome that is evidence: the rule was judged (passed, failed or broke). */
const judged = (o: RuleOutcome | undefined): boolean => o === 'passed' || o === 'failed' || o === 'error';
const bad = (o: RuleOutcome | undefined): boolean => o === 'failed' || o === 'error';

/**
 * How a rule's outcome moved from BASE to HEAD. Not applicable and not run are no evidence
 * either way, exactly like a rule the report does not hold at all:
 * - regressed: passed in BASE, failed or broke (error) in HEAD;
 * - fixed: failed or broke in BASE, passed in HEAD;
 * - new: judged in HEAD only (absent, not applicable or not run in BASE);
 * - removed: judged in BASE only (absent, not applicable or not run in HEAD: a MUST that
 *   passed and is now not run is listed, never gated: nothing says it fails);
 * - unchanged: the same verdict (failed and error are both "not met"), or judged in neither.
 */
export function classify(base: RuleOutcome | undefined, head: RuleOutcome | undefined): Change {
  if (judged(base) && judged(head)) {
    if (base === 'passed' && bad(head)) return 'regressed';
    if (bad(base) && head === 'passed') return 'fixed';
    return 'unchanged';
  }
  if (judged(head)) return 'new';
  if (judged(base)) return 'removed';
  return 'unchanged';
}
