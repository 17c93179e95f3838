import { test as base, expect } from '../../support/fixtures.ts';
import { Scm } from './scm.ts';

/**
 * The suite's fixtures plus `scm`: operations with ledger bookkeeping whose teardown deletes
 * every certificate the test still holds, even after a failure.
 */
export const test = base.extend<{ scm: Scm }>({
  scm: async ({ api, ledger }, use) => {
    const scm = new Scm(api, ledger);
    await use(scm);
    await scm.cleanup();
  },
});

export { expect };
