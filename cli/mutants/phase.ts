import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { codeFile, ROOT } from '../../lib/paths.ts';
import type { Provider } from '../../lib/providers.ts';
import type { MockLine } from './mock-process.ts';
import { TIMES_FILE, type ProjectTime } from './timing-reporter.ts';

const PLAYWRIGHT = createRequire(import.meta.url).resolve('@playwright/test/cli');

/** One Playwright project of a phase: a target (control or mutant) and the tests it runs. */
export interface PhaseProject {
  provider: Provider;
  /** Project `<provider>@<name>` and the report rows' target. */
  name: string;
  line: MockLine;
  /** Regex sources over test title and tags; none = every test of the provider. */
  grep?: string;
  grepInvert?: string;
  /** A mutant runs in one worker (its tests share it, and a failure does not replace it). */
  workers?: number;
}

/** What this command reads of a conformance report (reports/report.ts writes it). */
export interface ReportRows {
  run: { runId?: string; setupErrors?: string[] };
  rules: { id: string; provider: Provider; target: string; level: string; outcome: string; reason?: string; failure?: { message?: string } }[];
}

export interface PhaseResult {
  report: ReportRows;
  times: Record<string, ProjectTime>;
  log: string;
}

export interface PhaseOptions {
  dir: string;
  workers: string;
  seed: string;
  runs?: string;
  runId: string;
  /** Skip a target's later tests once one failed (one kill is enough); else run them all. */
  stopAtFirstFailure: boolean;
}

/**
 * One `playwright test` over the root config with one project per target (CERTCONFORM_TARGETS
 * in its array form). Its output goes to <dir>/playwright.log; the conformance reporter and the
 * timing reporter write conformance.json and project-times.json into <dir>.
 */
export async function runPhase(projects: PhaseProject[], o: PhaseOptions): Promise<PhaseResult> {
  mkdirSync(o.dir, { recursive: true });
  const targets = projects.map((p) => ({ ...p.line, provider: p.provider, name: p.name, mutant: undefined, grep: p.grep, grepInvert: p.grepInvert, workers: p.workers }));
  // Inherited CERTCONFORM_* settings (a --safe, a provider list, mock flags) would change what runs.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CERTCONFORM_')));
  Object.assign(env, {
    CERTCONFORM_TARGETS: JSON.stringify(targets),
    CERTCONFORM_REPORT_DIR: o.dir,
    CERTCONFORM_WORKERS: o.workers,
    CERTCONFORM_SEED: o.seed,
    CERTCONFORM_RUN_ID: o.runId,
    CERTCONFORM_ON_FAILURE: o.stopAtFirstFailure ? 'stop' : 'continue',
    ...(o.runs ? { CERTCONFORM_RUNS: o.runs } : {}),
  });
  const reporters = ['dot', codeFile('reports/conformance-reporter.ts'), codeFile('cli/mutants/timing-reporter.ts')].join(',');
  const args = [PLAYWRIGHT, 'test', '-c', codeFile('playwright.config.ts'), '--workers', o.workers, '--reporter', reporters];
  const log = join(o.dir, 'playwright.log');
  const sink = createWriteStream(log);
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(sink, { end: false });
  child.stderr.pipe(sink, { end: false });
  const code = await new Promise<number>((resolve) => child.on('close', (c, signal) => resolve(c ?? (signal ? 130 : 1))));
  await new Promise<void>((resolve) => sink.end(() => resolve()));
  const file = join(o.dir, 'conformance.json');
  const report = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReportRows) : undefined;
  if (!report || report.run.runId !== o.runId) throw new Error(`Playwright exited ${code} without writing ${file}: see ${log}`);
  const timesFile = join(o.dir, TIMES_FILE);
  const times = existsSync(timesFile) ? (JSON.parse(readFileSync(timesFile, 'utf8')) as Record<string, ProjectTime>) : {};
  return { report, times, log };
}
