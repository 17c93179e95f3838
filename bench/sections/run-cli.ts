import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../lib/paths.ts';
import { testTimings, type TestTiming } from './playwright-json.ts';

export interface CliRun {
  code: number;
  wallMs: number;
  /** Playwright's own duration of the run (config, global setup with the mock, tests, teardown). */
  playwrightMs: number;
  timings: TestTiming[];
  dir: string;
}

/**
 * `certconform run ARGS` in a child process with its reports in a temp dir, Playwright's JSON
 * reporter in place of the progress output (the test durations), timed from spawn to exit.
 */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const dir = mkdtempSync(join(tmpdir(), 'certconform-bench-run-'));
  const json = join(dir, 'playwright.json');
  const argv = [join(ROOT, 'bin', 'certconform.mjs'), 'run', ...args, '--report-dir', join(dir, 'report'), '--reporter', 'json'];
  const started = performance.now();
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: json, ...env } });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err = (err + d).slice(-4000)));
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`certconform run ${args.join(' ')} exited ${code} (a conformance run of the mock must pass):\n${err}`);
  const { timings, durationMs } = testTimings(json);
  return { code, wallMs, playwrightMs: durationMs, timings, dir };
}
