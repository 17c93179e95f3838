import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Prints one closing line `N passed, N failed[, N skipped]` for the whole run: what CI reads.
 * A test counts once, by its final outcome (a retried test that passed counts as passed).
 */
export default class SummaryReporter implements Reporter {
  private readonly outcome = new Map<string, ReturnType<TestCase['outcome']>>();

  onTestEnd(test: TestCase, _result: TestResult) {
    this.outcome.set(test.id, test.outcome());
  }

  onEnd(result: FullResult) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const o of this.outcome.values()) {
      if (o === 'expected' || o === 'flaky') passed++;
      else if (o === 'skipped') skipped++;
      else failed++;
    }
    // An interrupted or crashed run must not read as green.
    if (result.status !== 'passed' && failed === 0) failed = 1;
    console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }

  printsToStdio() {
    return false;
  }
}
