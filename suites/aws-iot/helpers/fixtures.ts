import { test as base } from '../../support/fixtures.ts';
import { Sandbox } from './sandbox.ts';

/**
 * The shared fixtures plus `sandbox`: what a test creates is in the ledger and deleted after
 * the test, passed or failed. What cannot be deleted stays in the ledger for `certconform cleanup`.
 */
export const test = base.extend<{ sandbox: Sandbox }>({
  sandbox: async ({ api, ledger, info }, use, testInfo) => {
    const sandbox = new Sandbox(api, ledger, info.runId, `t${testInfo.testId}-${testInfo.retry}`);
    await use(sandbox);
    const left = await sandbox.teardown();
    if (left.length) await testInfo.attach('cleanup-left', { body: left.join('\n'), contentType: 'text/plain' });
  },
});

export { expect } from '../../support/fixtures.ts';
