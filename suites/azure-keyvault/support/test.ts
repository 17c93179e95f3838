import { test as base } from '../../support/fixtures.ts';
import { Vault } from './vault.ts';

/**
 * The suite's fixtures plus `vault`: what the test imports is deleted and purged in teardown
 * (also after a failure). Cleanup problems are reported on stderr, never as verdicts.
 */
export const test = base.extend<{ vault: Vault }>({
  vault: async ({ api, ledger, info }, use) => {
    const vault = new Vault(api, ledger, info);
    await use(vault);
    const problems = await vault.cleanupAll();
    if (problems.length) process.stderr.write(`azure-keyvault cleanup left: ${problems.join('; ')}\n`);
  },
});

export { expect } from '../../support/fixtures.ts';
