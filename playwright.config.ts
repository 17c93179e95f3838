import { defineConfig } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { PROVIDERS, isProvider } from './lib/providers.ts';
import { runMetadata, specInfo } from './reports/run-metadata.ts';
import type { SuiteWorkerFixtures } from './suites/support/fixtures.ts';
import { hasClock } from './suites/support/target/clock.ts';
import { targetProjects } from './suites/support/target/clock-phase.ts';
import { targetEntries, type TargetEntry } from './suites/support/target/targets.ts';

// The conformance suites: one Playwright project per provider and target (`aws-iot@mock`).
// `certconform run` sets the CERTCONFORM_* variables; plain `npx playwright test` works too
// (all four providers against the built-in mock). The project's own tests: test/playwright.config.ts.
const env = process.env;
// One seed and run id for the whole run: set here, in the main process, before workers start.
env.CERTCONFORM_SEED ??= String(Date.now() % 2 ** 31);
env.CERTCONFORM_RUN_ID ??= `r${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const reportDir = (env.CERTCONFORM_REPORT_DIR ??= resolve('reports', 'out'));
// This file runs as TypeScript in a checkout or as dist/playwright.config.js when compiled: its
// own extension names the suites' and reporters' files.
const ext = extname(import.meta.url);

// CERTCONFORM_TARGETS: one target per provider (object form) or several (array form, e.g. one
// per mutant, each with its own grep): one project per target.
const given = env.CERTCONFORM_TARGETS ? targetEntries(env) : undefined;
const wanted = (env.CERTCONFORM_PROVIDERS ?? '').split(',').filter(Boolean);
const providers = given ? [...new Set(given.map((t) => t.provider))] : wanted.length ? wanted : [...PROVIDERS];
const engine = env.CERTCONFORM_MOCK_ENGINE ?? 'stateful';
const checked = providers.filter(isProvider);
for (const p of providers) if (!isProvider(p)) throw new Error(`unknown provider '${p}' (known: ${PROVIDERS.join(', ')})`);
// Once per provider, not per project (a mutants run has hundreds, and every worker loads this file).
const specs = new Map(checked.map((p) => [p, specInfo(p)]));
// Terminal: per-provider progress, or the reporters `certconform run --reporter` names.
const terminal = env.CERTCONFORM_REPORTER ? env.CERTCONFORM_REPORTER.split(',').map((r) => [r] as [string]) : [[`./reports/progress-reporter${ext}`] as [string]];
// A shard also leaves a blob report, which `certconform report merge` combines with the others.
const shard = /^(\d+)\/(\d+)$/.exec(env.CERTCONFORM_SHARD ?? '');

export default defineConfig<object, Pick<SuiteWorkerFixtures, 'provider'>>({
  testDir: 'suites',
  testMatch: `**/*.spec${ext}`,
  globalSetup: `./suites/global-setup${ext}`,
  timeout: 120_000,
  fullyParallel: true,
  forbidOnly: !!env.CI,
  // The suites wait on the network most of the time: at least 2 workers even on 2 cores.
  workers: env.CERTCONFORM_WORKERS ? Number(env.CERTCONFORM_WORKERS) : Math.max(2, availableParallelism()),
  grep: env.CERTCONFORM_SAFE === '1' ? /@readonly/ : undefined,
  outputDir: join(reportDir, 'test-results'),
  // Run info for the conformance report: in metadata, so blob reports carry it into a merge.
  metadata: runMetadata(env),
  reporter: [
    ...terminal,
    [`./reports/conformance-reporter${ext}`, { outputDir: reportDir }],
    ['html', { outputFolder: join(reportDir, 'playwright-report'), open: 'never' }],
    ...(shard ? [['blob', { outputDir: join(reportDir, 'blob'), fileName: `report-${shard[1]}-of-${shard[2]}.zip` }] as [string, object]] : []),
  ],
  // A target whose clock can move (the built-in stateful mock prints its clock URL) also gets
  // the isolated clock phase for its @clock tests (suites/support/target/clock-phase.ts); never
  // in --safe runs, whose read-only tests move nothing.
  projects: (given ?? checked.map((provider): TargetEntry => ({ provider, name: engine === 'stateful' ? 'mock' : engine }))).flatMap(({ provider: p, name = 'target', grep, grepInvert, workers, clock }) => {
    const movable = env.CERTCONFORM_SAFE !== '1' && (given ? hasClock({ provider: p, clock }, env) : engine === 'stateful' || hasClock({ provider: p }, env));
    const base = { name: `${p}@${name}`, testDir: `suites/${p}`, use: { provider: p }, metadata: { provider: p, target: name, spec: specs.get(p) } };
    return targetProjects(base, { grep, grepInvert, workers }, movable, env.CERTCONFORM_GREP);
  }),
});
