import { test } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../lib/paths.ts';
import type { Provider } from '../../lib/providers.ts';
import { loadSpec } from '../../lib/spec/load.ts';
import { Checker } from '../../suites/support/checks/checker.ts';
import { ApiClient } from '../../suites/support/http/client.ts';
import { StepLog } from '../../suites/support/http/steps.ts';
import { WIRES } from '../../suites/support/http/wires/index.ts';
import type { Target } from '../../suites/support/target/targets.ts';
import { Verdicts } from '../../suites/support/verdict/recorder.ts';

export const BIN = join(ROOT, 'bin', 'certconform.mjs');

/** One JSON line of `certconform mock --json`. */
export interface MockLine {
  provider: Provider;
  url: string;
  credentials: Record<string, string>;
  caFile?: string;
}

export interface MockProcess {
  child: ChildProcess;
  lines: Record<string, MockLine>;
  stderr(): string;
  /** SIGTERM and wait: a clean stop. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait: no chance to write anything. */
  kill9(): Promise<void>;
}

const started = new Set<ChildProcess>();

/** Call once per test file: a test that fails half-way leaves no mock running. */
export function stopMocksAfterEach(): void {
  test.afterEach(() => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    started.clear();
  });
}

/** Starts `certconform mock --json --port-base 0 ...args` as a user would, once every provider listens. */
export async function startMock(providers: Provider[], args: string[]): Promise<MockProcess> {
  const child = spawn(process.execPath, [BIN, 'mock', '--json', '--port-base', '0', ...args, ...providers], { stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const lines = await new Promise<MockLine[]>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const got = out.split('\n').filter((l) => l.startsWith('{'));
      if (got.length >= providers.length) resolve(got.map((l) => JSON.parse(l) as MockLine));
    });
    void exited.then((code) => reject(new Error(`certconform mock exited ${code} before listening: ${err}`)));
  });
  return {
    child,
    lines: Object.fromEntries(lines.map((l) => [l.provider, l])),
    stderr: () => err,
    stop: () => (child.kill('SIGTERM'), exited),
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Runs `certconform mock` to completion (for start-up failures): exit code and stderr. */
export function runMock(args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'mock', '--json', '--port-base', '0', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stderr: r.stderr };
}

/** The suites' signing client for one provider of a started mock. */
export function clientFor(mock: MockProcess, p: Provider): ApiClient {
  const line = mock.lines[p]!;
  const target: Target = { provider: p, name: 'mock', url: line.url, credentials: line.credentials, caFile: line.caFile };
  const spec = loadSpec(p);
  return new ApiClient(target, spec, WIRES[p], new Checker(spec, new Verdicts(p), new StepLog()));
}
