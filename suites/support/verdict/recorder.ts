import { ConformanceFailure } from './failure.ts';
import type { RuleVerdict, VerdictsAttachment } from '../../../lib/verdicts.ts';

/**
 * Collects one test's verdicts. A failure is kept (the first one per rule wins: it is the one
 * the test stopped on) and rethrown by the check that found it; "not run" and "not applicable"
 * are outcomes of their own and never count as passes.
 */
export class Verdicts {
  private readonly rules: Record<string, RuleVerdict> = {};
  retries = 0;

  constructor(readonly provider: string) {}

  private entry(rule: string): RuleVerdict {
    return (this.rules[rule] ??= { passed: 0 });
  }

  pass(rule: string, chosen?: string): void {
    const e = this.entry(rule);
    e.passed++;
    if (chosen && !(e.chosen ??= []).includes(chosen)) e.chosen.push(chosen);
  }

  fail(failure: ConformanceFailure): never {
    const e = this.entry(failure.rule);
    e.failure ??= failure.toRecord();
    throw failure;
  }

  /** Replaces a recorded failure with the shrunk one (property runs fail, then shrink). */
  replaceFailure(failure: ConformanceFailure): void {
    this.entry(failure.rule).failure = failure.toRecord();
  }

  notRun(rule: string, reason: string): void {
    this.entry(rule).notRun ??= reason;
  }

  notApplicable(rule: string, reason: string): void {
    this.entry(rule).notApplicable ??= reason;
  }

  toJSON(seed?: number): VerdictsAttachment {
    return { provider: this.provider, rules: this.rules, retries: this.retries, ...(seed === undefined ? {} : { seed }) };
  }
}
