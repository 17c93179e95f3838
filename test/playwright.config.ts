import { defineConfig } from '@playwright/test';

// The project's own tests: unit tests of pieces, integration tests on loopback servers.
// (The conformance suites have their own config at the repository root.)
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.test.ts',
  timeout: 60_000,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: process.env.CI ? 2 : undefined,
  reporter: [['list'], ['./support/summary-reporter.ts']],
});
