import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../lib/paths.ts';
import type { ChildProcess } from 'node:child_process';
import { PREFLIGHT_FAILED_EXIT, readyTargets } from './support/target/ready.ts';
import { TARGETS_ENV, targetEntries, type TargetEntry } from './support/target/targets.ts';
import { SetupError } from './support/verdict/failure.ts';

/**
 * Without targets, the run is against the built-in mock: start `certconform mock --json` on
 * free ports as a separate process (the suites never import mock code, DESIGN.md §3), read
 * its JSON lines and hand them to the workers through CERTCONFORM_TARGETS.
 */
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env[TARGETS_ENV]) return undefined;
  const providers = (process.env.CERTCONFORM_PROVIDERS ?? '').split(',').filter(Boolean);
  const engine = process.env.CERTCONFORM_MOCK_ENGINE ?? 'stateful';
  // Extra mock flags (a mutant, faults, a state file), split on blanks: CERTCONFORM_MOCK_ARGS.
  const extra = (process.env.CERTCONFORM_MOCK_ARGS ?? '').split(/\s+/).filter(Boolean);
  const args = [join(ROOT, 'bin', 'certconform.mjs'), 'mock', '--json', '--port-base', '0', '--engine', engine, ...extra, ...providers];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // One JSON line per provider, or per mutant when the extra flags name mutants.
  const mutants = extra.filter((a, i) => extra[i - 1] === '--mutant').length;
  const expected = mutants || providers.length || 4;
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d));
  const lines = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the built-in mock did not start within 60 s:\n${err}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      const got = out.split('\n').filter((l) => l.startsWith('{'));
      if (got.length >= expected) {
        clearTimeout(timer);
        resolve(got.map((l) => JSON.parse(l) as Record<string, unknown>));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the built-in mock exited (${code}) before it listened:\n${err}`));
    });
  });
  child.removeAllListeners('exit');
  const name = engine === 'stateful' ? 'mock' : engine;
  const targets = Object.fromEntries(lines.map((l) => [l.provider, { ...l, name, credentialSource: `the built-in mock (${name})` }]));
  process.env[TARGETS_ENV] = JSON.stringify(targets);
  await preflightOrExit(targetEntries(), child);
  return async () => {
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  };
}

/**
 * The preflight of the built-in mock's targets, as `certconform run` makes it for --target ones.
 * A failure is a setup error before any test: one sentence, the mock stopped, and the runner
 * ends here (PREFLIGHT_FAILED_EXIT; `certconform run` exits 2), before any reporter can write:
 * an earlier report stays as it was.
 */
async function preflightOrExit(entries: TargetEntry[], mock: ChildProcess): Promise<void> {
  try {
    await readyTargets(entries, { caHint: 'the built-in mock printed its CA file; is it readable?' });
  } catch (e) {
    if (!(e instanceof SetupError)) throw e;
    process.stderr.write(`certconform: ${e.message}\n`);
    mock.kill('SIGTERM');
    process.exit(PREFLIGHT_FAILED_EXIT);
  }
}
