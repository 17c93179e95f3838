import { defineConfig } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { PROVIDERS, isProvider } from './lib/providers.ts';
import type { SuiteWorkerFixtures } from './suites/support/fixtures.ts';

// The conformance suites: one Playwright project per provider and target (`aws-iot@mock`).
// `certconform run` sets the CERTCONFORM_* variables; plain `npx playwright test` works too
// (all four providers against the built-in mock). The project's own tests: test/playwright.config.ts.
const env = process.env;
// One seed and run id for the whole run: set here, in the main process, before workers start.
env.CERTCONFORM_SEED ??= String(Date.now() % 2 ** 31);
env.CERTCONFORM_RUN_ID ??= `r${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const reportDir = (env.CERTCONFORM_REPORT_DIR ??= join(import.meta.dirname, 'reports', 'out'));

const given = env.CERTCONFORM_TARGETS ? (JSON.parse(env.CERTCONFORM_TARGETS) as Record<string, { name?: string }>) : undefined;
const wanted = (env.CERTCONFORM_PROVIDERS ?? '').split(',').filter(Boolean);
const providers = given ? Object.keys(given) : wanted.length ? wanted : [...PROVIDERS];
const engine = env.CERTCONFORM_MOCK_ENGINE ?? 'stateful';
const checked = providers.filter(isProvider);
for (const p of providers) if (!isProvider(p)) throw new Error(`unknown provider '${p}' (known: ${PROVIDERS.join(', ')})`);

export default defineConfig<object, Pick<SuiteWorkerFixtures, 'provider'>>({
  testDir: 'suites',
  testMatch: '**/*.spec.ts',
  globalSetup: './suites/global-setup.ts',
  timeout: 120_000,
  fullyParallel: true,
  forbidOnly: !!env.CI,
  // The suites wait on the network most of the time: at least 2 workers even on 2 cores.
  workers: env.CERTCONFORM_WORKERS ? Number(env.CERTCONFORM_WORKERS) : Math.max(2, availableParallelism()),
  grep: env.CERTCONFORM_SAFE === '1' ? /@readonly/ : undefined,
  outputDir: join(reportDir, 'test-results'),
  reporter: [
    [env.CI ? 'dot' : 'list'],
    ['./reports/conformance-reporter.ts', { outputDir: reportDir }],
  ],
  projects: checked.map((p) => {
    const target = given?.[p]?.name ?? (engine === 'stateful' ? 'mock' : engine);
    return { name: `${p}@${target}`, testDir: `suites/${p}`, use: { provider: p }, metadata: { provider: p, target } };
  }),
});
