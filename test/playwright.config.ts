import { defineConfig } from '@playwright/test';

// The project's own tests: unit tests of pieces, integration tests on loopback servers.
// (The conformance suites have their own config at the repository root.)
// The CLI the tests start runs this checkout's sources (bin/certconform.mjs), never its dist/:
// the tests judge the code as it is, and a build elsewhere cannot pull dist/ from under them.
// The pack-and-install test runs the installed package, which has no sources to prefer.
process.env.CERTCONFORM_FROM_SOURCE = '1';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.test.ts',
  timeout: 60_000,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: process.env.CI ? 2 : undefined,
  reporter: [['list'], ['./support/summary-reporter.ts']],
});
