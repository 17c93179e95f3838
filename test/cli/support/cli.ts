import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../../lib/paths.ts';
import type { ConformanceReport } from '../../../reports/report.ts';

export const BIN = join(ROOT, 'bin', 'certconform.mjs');

export interface Ran {
  code: number | null;
  out: string;
  dir: string;
  report: () => ConformanceReport;
}

/** Output collected as it comes; `exited` resolves with the exit code. */
export function watch(child: ChildProcess, dir: string): { text: () => string; exited: Promise<Ran> } {
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<Ran>((resolve) =>
    child.on('exit', (code) => resolve({ code, out, dir, report: () => JSON.parse(readFileSync(join(dir, 'conformance.json'), 'utf8')) as ConformanceReport })),
  );
  return { text: () => out, exited };
}

/** `certconform <args>` as a user runs it (CI mode: plain progress lines), in a fresh report dir for `run`. */
export function cli(args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; text: () => string; exited: Promise<Ran>; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cc-cli-'));
  const withDir = args[0] === 'run' ? [...args, '--report-dir', dir] : args;
  const child = spawn(process.execPath, [BIN, ...withDir], { cwd: ROOT, env: { ...process.env, CI: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return { child, dir, ...watch(child, dir) };
}

/** A string run through bash exactly as printed, from the project's folder (as a user pastes it). */
export function shell(command: string, env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-sh-'));
  // The printed command names no report dir: the run's default, set for this test only.
  const child = spawn('bash', ['-c', command], { cwd: ROOT, env: { ...process.env, CI: '1', CERTCONFORM_REPORT_DIR: dir, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return watch(child, dir).exited;
}

export interface MockLine {
  provider: string;
  url: string;
  credentials: Record<string, string>;
}

/** `certconform mock ... --json --port-base 0`: its lines once every provider listens. */
export async function startMock(args: string[]): Promise<{ lines: MockLine[]; stop: () => void }> {
  const child = spawn(process.execPath, [BIN, 'mock', '--json', '--port-base', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const want = args.filter((a) => !a.startsWith('-') && !a.includes('/')).length || 1;
  const lines = await new Promise<MockLine[]>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d) => {
      buf += d;
      const done = buf.split('\n').filter((l) => l.startsWith('{'));
      if (done.length >= want) resolve(done.map((l) => JSON.parse(l) as MockLine));
    });
    child.once('exit', (code) => reject(new Error(`certconform mock exited ${code} before listening`)));
  });
  return { lines, stop: () => child.kill('SIGTERM') };
}

/** The AWS variables that sign for the built-in mock's aws-iot (its --json line says them). */
export const awsEnv = (m: MockLine) => ({ AWS_ACCESS_KEY_ID: m.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: m.credentials.secretAccessKey });
