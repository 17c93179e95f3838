import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

const PRISM = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');

export interface PrismServer {
  url: string;
  stop(): Promise<void>;
}

export interface PrismOptions {
  host?: string;
  /** 0 = a free port, read back from Prism's own "listening" line (no probe-then-bind race). */
  port: number;
  dynamic?: boolean;
  /** Proxy mode: validate and forward to this URL instead of mocking. */
  upstream?: string;
  /** Prism answers CORS preflights itself unless this is false. */
  cors?: boolean;
}

// Only the start-up log is kept (for the error message); later lines are drained and dropped,
// because in proxy mode Prism logs every request's headers, credentials included.
const MAX_LOG = 64 * 1024;

/**
 * Starts Prism 5.14 on one spec: `mock` (stateless: examples, or generated with `dynamic`) or,
 * with `upstream`, `proxy` (never --errors: it forwards and reports in `sl-violations`).
 * Resolves once Prism says it listens; rejects with Prism's own words if it cannot start.
 */
export function startPrism(spec: string, opts: PrismOptions): Promise<PrismServer> {
  const host = opts.host ?? '127.0.0.1';
  const mode = opts.upstream ? ['proxy', spec, opts.upstream] : ['mock', spec];
  const args = [PRISM, ...mode, '-h', host, '-p', String(opts.port), ...(opts.dynamic ? ['-d'] : []), ...(opts.cors === false ? ['--no-cors'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  let started = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`Prism did not start within 30 s:\n${log}`)), 30_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    const onData = (chunk: Buffer) => {
      if (started) return;
      log = (log + chunk.toString()).slice(-MAX_LOG);
      const url = /Prism is listening on (https?:\/\/\S+)/.exec(log)?.[1];
      if (url) {
        started = true;
        log = '';
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ url: url.replace(/\/$/, ''), stop: () => stop(child) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => fail(new Error(`Prism exited (${code}) before listening:\n${log}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
