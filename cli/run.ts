import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { utcToday } from '../reports/baseline/format.ts';
import { plainPhrase } from '../reports/gate/print.ts';
import { gate } from '../reports/gate/verdict.ts';
import type { ConformanceReport } from '../reports/report.ts';
import { applyGate, prepareGate, wantsGate, type GateFlags } from './gate.ts';
import { afterInterrupt, forwardSignals } from './interrupt.ts';
import { UsageError } from './mock.ts';
import { PREFLIGHT_FAILED_EXIT, preflightTargets } from './preflight.ts';
import { prepareRecording, type RecordFlags } from './record.ts';
import { planRun, type RunOptions } from './run-options.ts';

const PLAYWRIGHT = createRequire(import.meta.url).resolve('@playwright/test/cli');

/** Exit code a CI acts on: the gate with no baseline and no thresholds (its rules: reports/gate/verdict.ts). */
export function verdictOf(report: ConformanceReport): { code: number; why: string } {
  const v = gate(report, { today: utcToday() });
  return { code: v.code, why: plainPhrase(v, report) };
}

/**
 * `certconform run`: a thin layer over `playwright test` with the root config. The flags become
 * CERTCONFORM_* variables (read by the config, the global setup and the fixtures); without
 * --target the global setup starts the built-in mock. The exit code comes from the report.
 */
export async function runCommand(names: string[], opts: RunOptions & GateFlags & RecordFlags): Promise<number> {
  let plan: ReturnType<typeof planRun>;
  // --record / --compare (cli/record.ts): a comparison runs with the recording's seed and runs.
  let recording: ReturnType<typeof prepareRecording>;
  // The gate's baseline and thresholds are read before the run: a bad one costs no run.
  let gate: ReturnType<typeof prepareGate> | undefined;
  try {
    recording = prepareRecording(opts);
    plan = planRun(names, recording.opts);
    if (wantsGate(opts)) gate = prepareGate(opts);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`certconform run: ${e.message}`);
      return 2;
    }
    throw e;
  }
  // Credentials from each provider's chain and one read-only request per --target, before any
  // test and before any report file is touched (the built-in mock's: in the global setup).
  const refused = await preflightTargets(plan.env);
  if (refused) {
    console.error(`certconform run: ${refused}`);
    return 2;
  }
  // No stdin: nothing in a run reads it, and Playwright's HTML reporter then neither opens a
  // browser nor prints its "show-report" hint after our summary.
  let recordEnv: Record<string, string>;
  try {
    recordEnv = recording.env(plan.reportDir);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`certconform run: ${e.message}`);
    return 2;
  }
  const child = spawn(process.execPath, [PLAYWRIGHT, ...plan.args], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...plan.env, ...recordEnv } });
  const signals = forwardSignals(child);
  const pwCode = await new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 130 : 1))));
  signals.dispose();
  // The global setup's preflight of the built-in mock failed: it printed its one sentence.
  if (pwCode === PREFLIGHT_FAILED_EXIT && !signals.signalled()) return 2;
  const file = join(plan.reportDir, 'conformance.json');
  const report = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ConformanceReport) : undefined;
  const runId = plan.env.CERTCONFORM_RUN_ID!;
  if (signals.signalled() || (report?.run.runId === runId && report.run.interrupted)) {
    return afterInterrupt({ reportDir: plan.reportDir, runId, ownMock: !plan.env.CERTCONFORM_TARGETS, report });
  }
  if (!report || report.run.runId !== runId) {
    console.error(`certconform run: Playwright exited ${pwCode} without writing ${file}: see its output above`);
    return 2;
  }
  const { code, why } = recording.after(report, plan.reportDir, gate ? applyGate(report, gate) : verdictOf(report));
  console.log(`certconform run: ${why} (seed ${plan.env.CERTCONFORM_SEED}); exit ${code}`);
  return code;
}
