import type { TestInfo } from '@playwright/test';

/** Projects (targets) that failed a test in this worker. */
const failed = new Set<string>();

/**
 * What a failed test does to its worker, from CERTCONFORM_ON_FAILURE. Unset: Playwright's way
 * (the worker is replaced). `certconform mutants` runs each mutant in one worker, where failing
 * is the expected outcome and a fresh worker per failure would cost more than the tests:
 * `continue` keeps the worker (the test is still failed in the report: its status and verdicts
 * say so), `stop` also skips the target's later tests once one failed (one kill is enough).
 */
export async function onFailure({}: object, use: () => Promise<void>, testInfo: TestInfo): Promise<void> {
  const mode = process.env.CERTCONFORM_ON_FAILURE;
  if (mode === 'stop' && failed.has(testInfo.project.name)) testInfo.skip(true, `${testInfo.project.name} already failed a test (CERTCONFORM_ON_FAILURE=stop)`);
  await use();
  if ((mode === 'continue' || mode === 'stop') && testInfo.status === 'failed') {
    failed.add(testInfo.project.name);
    testInfo.expectedStatus = 'failed';
  }
}
