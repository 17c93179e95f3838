import type { Outcome } from '../../../lib/rules/catalog.ts';
import type { Spec } from '../../../lib/spec/load.ts';
import { describeAnswer, type Exchange } from '../http/exchange.ts';
import type { StepLog } from '../http/steps.ts';
import { rule } from '../rules.ts';
import { ConformanceFailure } from '../verdict/failure.ts';
import type { Verdicts } from '../verdict/recorder.ts';

export const describeOutcome = (o: Outcome) => `${o.status}${o.code ? ` ${o.code}` : ''}`;
const matches = (ex: Exchange, o: Outcome) => ex.status === o.status && (o.code === undefined || ex.code === o.code);

/**
 * The checks every test uses, each tied to a rule id from specs/rules/: a passing check counts
 * for its rule, a failing one records the evidence (the steps so far) and throws.
 */
export class Checker {
  constructor(
    readonly spec: Spec,
    readonly verdicts: Verdicts,
    readonly log: StepLog,
  ) {}

  fail(ruleId: string, received: string, documented: string): never {
    const r = rule(ruleId);
    this.verdicts.fail(new ConformanceFailure(r.id, r.level, r.statement, received, documented, this.log.all()));
  }

  /** A failure that does not stop the test (see Verdicts.record); the test fails at its end. */
  softFail(ruleId: string, received: string, documented: string): void {
    const r = rule(ruleId);
    this.verdicts.record(new ConformanceFailure(r.id, r.level, r.statement, received, documented, this.log.all()));
  }

  pass(ruleId: string, chosen?: string): void {
    rule(ruleId);
    this.verdicts.pass(ruleId, chosen);
  }

  /**
   * The answer is one of the rule's documented outcomes (or of `acceptable`, e.g. a subset the
   * model narrowed down). Where the rule lists several, the report records which one was chosen.
   */
  outcome(ruleId: string, ex: Exchange, acceptable?: Outcome[]): void {
    const r = rule(ruleId);
    const allowed = acceptable ?? r.outcomes;
    const hit = allowed.find((o) => matches(ex, o));
    if (!hit) this.fail(ruleId, describeAnswer(ex), allowed.map(describeOutcome).join(' | '));
    this.pass(ruleId, r.outcomes.length > 1 ? describeOutcome(hit) : undefined);
  }

  /** A predicate over what the target answered (an invariant, a field, a listing). */
  that(ruleId: string, ok: boolean, received: string | (() => string), documented: string): void {
    if (!ok) this.fail(ruleId, typeof received === 'function' ? received() : received, documented);
    this.pass(ruleId);
  }

  notRun(ruleId: string, reason: string): void {
    rule(ruleId);
    this.verdicts.notRun(ruleId, reason);
  }

  notApplicable(ruleId: string, reason: string): void {
    rule(ruleId);
    this.verdicts.notApplicable(ruleId, reason);
  }
}
