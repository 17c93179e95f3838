import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../lib/paths.ts';
import type { Provider } from '../../lib/providers.ts';

/** One listener of the mock, as its --json line prints it. */
export interface MockLine {
  provider: Provider;
  mutant?: string;
  url: string;
  credentials: Record<string, string>;
  caFile?: string;
  mqtt?: { url: string; caFile: string; instanceId: string };
  /** The listener's movable clock (each listener has its own: moving it disturbs no other mutant). */
  clock?: string;
}

export interface MockProcess {
  /** The unmutated engine of each provider, by provider. */
  controls: Map<Provider, MockLine>;
  /** Each mutant's listener, by mutant name. */
  mutants: Map<string, MockLine>;
  stop(): Promise<void>;
}

/**
 * One `certconform mock --control --mutant a --mutant b ...` process for the whole run: every
 * mutant on its own free port beside an unmutated control per provider. A separate process,
 * as for `certconform run`: the suites talk to it over HTTP only.
 */
export async function startMutantMock(names: string[], timeoutMs = 120_000): Promise<MockProcess> {
  const args = [join(ROOT, 'bin', 'certconform.mjs'), 'mock', '--json', '--port-base', '0', '--control', ...names.flatMap((n) => ['--mutant', n])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const expected = names.length + new Set(names.map((n) => n.split('/')[0])).size;
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d));
  const lines = await new Promise<MockLine[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the mock did not start ${names.length} mutants within ${timeoutMs / 1000} s:\n${err}`));
    }, timeoutMs);
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const got = out.split('\n').filter((l) => l.startsWith('{'));
      if (got.length < expected) return;
      clearTimeout(timer);
      resolve(got.map((l) => JSON.parse(l) as MockLine));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the mock exited (${code}) before it listened:\n${err.trim()}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    controls: new Map(lines.filter((l) => !l.mutant).map((l) => [l.provider, l])),
    mutants: new Map(lines.filter((l) => l.mutant).map((l) => [l.mutant!, l])),
    stop: () => stop(child),
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
