import 'reflect-metadata';
import { test as base, expect } from '@playwright/test';
import { join } from 'node:path';
import type { Provider } from '../../lib/providers.ts';
import { loadSpec } from '../../lib/spec/load.ts';
import { VERDICTS_ATTACHMENT } from '../../lib/verdicts.ts';
import { Checker } from './checks/checker.ts';
import { ApiClient } from './http/client.ts';
import { StepLog } from './http/steps.ts';
import { WIRES } from './http/wires/index.ts';
import { Ledger } from './ledger.ts';
import { onFailure } from './on-failure.ts';
import { recorderFor } from './recording/recorder.ts';
import { runInfo, type RunInfo } from './run-info.ts';
import { redactText } from './signing/redact.ts';
import { targetFor, type Target } from './target/targets.ts';
import { setupErrorOf } from './verdict/failure.ts';
import { Verdicts } from './verdict/recorder.ts';

export interface SuiteWorkerFixtures {
  /** Set per Playwright project (`aws-iot@mock`): which provider this worker exercises. */
  provider: Provider;
  info: RunInfo;
  target: Target;
  ledger: Ledger;
}

export interface SuiteTestFixtures {
  verdicts: Verdicts;
  log: StepLog;
  check: Checker;
  /** A client for the target: signs, sends, retries transient answers, checks the contract. */
  api: ApiClient;
  /** Whether a failure replaces the worker (CERTCONFORM_ON_FAILURE, for `certconform mutants`). */
  onFailure: void;
}

/**
 * The suites' Playwright fixtures. The target is resolved once per worker; every test gets its
 * own verdicts, step log and client, and attaches its verdicts for the conformance reporter
 * whether it passed or failed.
 */
export const test = base.extend<SuiteTestFixtures, SuiteWorkerFixtures>({
  provider: ['aws-iot', { option: true, scope: 'worker' }],
  info: [async ({}, use) => use(runInfo()), { scope: 'worker' }],
  // A provider may have several targets (one per mutant): the project's metadata names its own.
  target: [async ({ provider }, use, workerInfo) => use(await targetFor(provider, process.env, workerInfo.project.metadata?.target as string | undefined)), { scope: 'worker' }],
  ledger: [async ({ info, target }, use) => use(new Ledger(join(info.reportDir, info.runId, 'ledger.jsonl'), info.runId, target.url)), { scope: 'worker' }],
  verdicts: async ({ provider, info }, use, testInfo) => {
    const verdicts = new Verdicts(provider);
    await use(verdicts);
    // A failure recorded without stopping the test (the contract check) fails it now.
    const deferred = testInfo.status === 'passed' ? verdicts.deferred[0] : undefined;
    if (deferred) verdicts.endedByFailure(deferred.rule);
    const broken = !!deferred || testInfo.status === 'failed' || testInfo.status === 'timedOut';
    // How the test ended travels as data, so the reporter never reads it back from a message.
    const setup = broken && !deferred ? setupErrorOf(testInfo.error?.message) : undefined;
    if (setup) verdicts.endedBySetup(setup.message);
    const body = redactText(JSON.stringify(verdicts.toJSON(info.seed, broken ? 'broken' : 'passed')));
    await testInfo.attach(VERDICTS_ATTACHMENT, { body, contentType: 'application/json' });
    if (deferred) throw deferred;
  },
  onFailure: [onFailure, { auto: true }],
  log: async ({ info }, use, testInfo) => {
    const log = new StepLog();
    // `certconform run --record/--compare`: every exchange of the test, normalised, to a file.
    const recorder = recorderFor(info);
    if (recorder) log.tap = (x) => recorder.add(x);
    await use(log);
    recorder?.write(testInfo, info.seed);
  },
  check: async ({ provider, verdicts, log }, use) => use(new Checker(loadSpec(provider), verdicts, log)),
  api: async ({ provider, target, check }, use) => use(new ApiClient(target, loadSpec(provider), WIRES[provider], check)),
});

export { expect };
