import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ConformanceReport } from '../reports/report.ts';
import { applyGate, prepareGate, wantsGate, type GateFlags } from './gate.ts';
import { UsageError } from './mock.ts';
import { planRun, type RunOptions } from './run-options.ts';

const PLAYWRIGHT = createRequire(import.meta.url).resolve('@playwright/test/cli');

/** Exit code a CI acts on: 2 setup (nothing judged), 1 a MUST rule failed or broke, else 0. */
export function verdictOf(report: ConformanceReport): { code: number; why: string } {
  if (report.run.setupErrors.length) return { code: 2, why: `setup error: ${report.run.setupErrors[0]}` };
  // A run that judged nothing (the target never came up, a --grep that matches no test) is no pass.
  if (!report.rules.some((r) => r.outcome === 'passed' || r.outcome === 'failed' || r.outcome === 'error')) {
    return { code: 2, why: 'nothing judged: no rule ran (see the output above: a target that never started, or a --grep that selects no test)' };
  }
  const must = report.rules.filter((r) => r.level === 'MUST' && (r.outcome === 'failed' || r.outcome === 'error'));
  if (must.length) return { code: 1, why: `${must.length} MUST rule(s) not met: ${must.slice(0, 8).map((r) => `${r.id}@${r.target}`).join(', ')}` };
  const should = report.rules.filter((r) => r.level === 'SHOULD' && r.outcome === 'failed').length;
  return { code: 0, why: `every MUST rule that ran passed${should ? ` (${should} SHOULD rule(s) failed: see the report)` : ''}` };
}

/**
 * `certconform run`: a thin layer over `playwright test` with the root config. The flags become
 * CERTCONFORM_* variables (read by the config, the global setup and the fixtures); without
 * --target the global setup starts the built-in mock. The exit code comes from the report.
 */
export async function runCommand(names: string[], opts: RunOptions & GateFlags): Promise<number> {
  let plan: ReturnType<typeof planRun>;
  // The gate's baseline and thresholds are read before the run: a bad one costs no run.
  let gate: ReturnType<typeof prepareGate> | undefined;
  try {
    plan = planRun(names, opts);
    if (wantsGate(opts)) gate = prepareGate(opts);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`certconform run: ${e.message}`);
      return 2;
    }
    throw e;
  }
  // No stdin: nothing in a run reads it, and Playwright's HTML reporter then neither opens a
  // browser nor prints its "show-report" hint after our summary.
  const child = spawn(process.execPath, [PLAYWRIGHT, ...plan.args], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...plan.env } });
  const pwCode = await new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 130 : 1))));
  const file = join(plan.reportDir, 'conformance.json');
  const report = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ConformanceReport) : undefined;
  if (!report || report.run.runId !== plan.env.CERTCONFORM_RUN_ID) {
    console.error(`certconform run: Playwright exited ${pwCode} without writing ${file}: see its output above`);
    return 2;
  }
  const { code, why } = gate ? applyGate(report, gate) : verdictOf(report);
  console.log(`certconform run: ${why} (seed ${plan.env.CERTCONFORM_SEED}); exit ${code}`);
  return code;
}
