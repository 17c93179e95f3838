import { spawn, type ChildProcess } from 'node:child_process';

export interface Child {
  /** The JSON lines the child printed on stdout before it was ready. */
  lines: Record<string, unknown>[];
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a server in its own process (so the load generator never shares its event loop)
 * and resolves once it has printed `count` JSON lines saying where it listens.
 */
export async function startChild(args: string[], count = 1, timeoutMs = 60_000): Promise<Child> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d));
  const lines = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not listen within ${timeoutMs / 1000} s`), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')}: ${why}\n${err}`));
    };
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const got = out.split('\n').filter((l) => l.startsWith('{'));
      if (got.length < count) return;
      clearTimeout(timer);
      resolve(got.map((l) => JSON.parse(l) as Record<string, unknown>));
    });
    child.once('exit', (code) => fail(`exited (${code}) before it listened`));
  });
  child.removeAllListeners('exit');
  return { lines, pid: child.pid!, stop: () => stop(child) };
}

/** SIGTERM, then SIGKILL if it is still there after 5 s. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
