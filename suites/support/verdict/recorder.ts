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

  /** The rule whose failure was last thrown: the test stops there (see toJSON). */
  private stoppedBy?: string;
  private setupError?: string;

  fail(failure: ConformanceFailure): never {
    this.record(failure);
    this.stoppedBy = failure.rule;
    throw failure;
  }

  /** The test ended on a setup error (the fixture says so once the test is over). */
  endedBySetup(reason: string): void {
    this.setupError = reason;
  }

  /** The test ended on a rule's failure (thrown, or a deferred one the fixture throws). */
  endedByFailure(rule: string): void {
    this.stoppedBy ??= rule;
  }

  /**
   * Keeps a failure without stopping the test (the contract check on every exchange): the
   * test goes on to judge its own rules, and the fixture fails it afterwards (`deferred`).
   */
  record(failure: ConformanceFailure): void {
    const e = this.entry(failure.rule);
    if (e.failure) return;
    e.failure = failure.toRecord();
    this.deferred.push(failure);
  }

  /** Failures recorded without throwing, in the order found. */
  readonly deferred: ConformanceFailure[] = [];

  /** Replaces a recorded failure with the shrunk one (property runs fail, then shrink). */
  replaceFailure(failure: ConformanceFailure): void {
    this.entry(failure.rule).failure = failure.toRecord();
    this.stoppedBy = failure.rule;
  }

  notRun(rule: string, reason: string): void {
    this.entry(rule).notRun ??= reason;
  }

  notApplicable(rule: string, reason: string): void {
    this.entry(rule).notApplicable ??= reason;
  }

  /** `ended`: how the test ended; a passed test was stopped by nothing. */
  toJSON(seed?: number, ended: 'passed' | 'broken' = 'passed'): VerdictsAttachment {
    const broken = ended === 'broken';
    return {
      provider: this.provider, rules: this.rules, retries: this.retries, ...(seed === undefined ? {} : { seed }),
      ...(broken && this.setupError ? { setupError: this.setupError } : {}),
      ...(broken && !this.setupError && this.stoppedBy ? { stoppedBy: this.stoppedBy } : {}),
    };
  }
}
