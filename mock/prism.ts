import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

const PRISM = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');

export interface PrismServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts Prism 5.14 serving one spec (stateless: examples, or generated with `dynamic`).
 * Resolves once Prism says it listens; rejects with Prism's own words if it cannot start.
 */
export function startPrism(spec: string, opts: { host?: string; port: number; dynamic?: boolean }): Promise<PrismServer> {
  const host = opts.host ?? '127.0.0.1';
  const args = [PRISM, 'mock', '-h', host, '-p', String(opts.port), ...(opts.dynamic ? ['-d'] : []), spec];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`Prism did not start within 30 s:\n${log}`)), 30_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve({ url: `http://${host}:${opts.port}`, stop: () => stop(child) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => fail(new Error(`Prism exited (${code}) before listening:\n${log}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
