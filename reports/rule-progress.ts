import type { TestCase, TestResult } from '@playwright/test/reporter';

export interface ProjectProgress {
  rulesDone: number;
  rulesTotal: number;
  testsDone: number;
  testsTotal: number;
}

/** The rule ids a test names through its `rule` annotations. */
export const rulesOf = (test: TestCase): string[] => [...new Set(test.annotations.filter((a) => a.type === 'rule' && a.description).map((a) => a.description!))];

/** A result is a test's last word when it will not be retried. */
export const isFinal = (test: TestCase, result: TestResult): boolean =>
  result.status === 'skipped' || result.status === 'interrupted' || result.status === test.expectedStatus || result.retry >= test.retries;

/**
 * Rules done per provider@target while a run goes: a rule is done when every test that names
 * it has ended (its final attempt, retries included), whatever the outcome.
 */
export class RuleProgress {
  private readonly projects = new Map<string, ProjectProgress & { pending: Map<string, number> }>();
  private readonly ended = new Set<string>();

  constructor(tests: TestCase[]) {
    for (const test of tests) {
      const p = this.project(test.parent.project()?.name ?? '');
      p.testsTotal++;
      for (const rule of rulesOf(test)) p.pending.set(rule, (p.pending.get(rule) ?? 0) + 1);
      p.rulesTotal = p.pending.size;
    }
  }

  private project(name: string) {
    let p = this.projects.get(name);
    if (!p) this.projects.set(name, (p = { rulesDone: 0, rulesTotal: 0, testsDone: 0, testsTotal: 0, pending: new Map() }));
    return p;
  }

  /** Counts a test's end; returns its project's name, or undefined if this attempt changes nothing. */
  testEnded(test: TestCase, result: TestResult): string | undefined {
    if (!isFinal(test, result) || this.ended.has(test.id)) return undefined;
    this.ended.add(test.id);
    const name = test.parent.project()?.name ?? '';
    const p = this.project(name);
    p.testsDone++;
    for (const rule of rulesOf(test)) {
      const left = (p.pending.get(rule) ?? 0) - 1;
      p.pending.set(rule, left);
      if (left === 0) p.rulesDone++;
    }
    return name;
  }

  get(name: string): ProjectProgress | undefined {
    const p = this.projects.get(name);
    return p && { rulesDone: p.rulesDone, rulesTotal: p.rulesTotal, testsDone: p.testsDone, testsTotal: p.testsTotal };
  }

  names(): string[] {
    return [...this.projects.keys()];
  }
}
