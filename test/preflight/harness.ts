import { spawn, type ChildProcess } from 'node:child_process';
import dns from 'node:dns';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../lib/paths.ts';

export const BIN = join(ROOT, 'bin', 'certconform.mjs');

export interface MockLine {
  provider: string;
  url: string;
  credentials: Record<string, string>;
  caFile?: string;
}

/** The built-in mock for some providers on free ports, and its --json lines. */
export async function startMock(...providers: string[]): Promise<{ lines: MockLine[]; stop: () => void; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [BIN, 'mock', '--json', '--port-base', '0', ...providers], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const lines = await new Promise<MockLine[]>((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => {
      out += d;
      const got = out.split('\n').filter((l) => l.startsWith('{'));
      if (got.length >= providers.length) resolve(got.map((l) => JSON.parse(l) as MockLine));
    });
    proc.once('exit', (code) => reject(new Error(`mock exited ${code}`)));
  });
  return { lines, proc, stop: () => void proc.kill('SIGTERM') };
}

/** A fresh folder with the given files (fake credentials files, a fake CLI). */
export function folderWith(files: Record<string, string>, mode = 0o644): string {
  const dir = mkdtempSync(join(tmpdir(), 'cc-preflight-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text, { mode });
  return dir;
}

/**
 * Names under `suffix` resolve to loopback for the rest of this worker's life until undone:
 * node's net reads dns.lookup when it connects, so a target named like the real endpoint
 * (`iot.eu-west-1.amazonaws.com`) reaches a server on 127.0.0.1 and never the network.
 */
export function loopbackDns(suffix: string): () => void {
  const original = dns.lookup;
  const patched = ((host: string, opts: unknown, cb: unknown) => {
    const callback = (typeof opts === 'function' ? opts : cb) as (...a: unknown[]) => void;
    const all = typeof opts === 'object' && opts !== null && (opts as { all?: boolean }).all;
    if (!host.endsWith(suffix)) return (original as (...a: unknown[]) => void)(host, opts, cb);
    process.nextTick(() => (all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4)));
  }) as typeof dns.lookup;
  dns.lookup = patched;
  return () => void (dns.lookup = original);
}

/** Runs `fn` with these environment variables set (undefined: removed), then puts them back. */
export async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (v: Record<string, string | undefined>) => {
    for (const [k, x] of Object.entries(v)) if (x === undefined) delete process.env[k];
    else process.env[k] = x;
  };
  apply(vars);
  try {
    return await fn();
  } finally {
    apply(before);
  }
}
