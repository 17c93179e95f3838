import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../../lib/paths.ts';

const exec = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** What the published package is made from is in these; the project's own tests and tools are not. */
const NOT_COPIED = new Set(['node_modules', 'dist', '.git', 'test', 'bench', '.cache', 'reports/out', 'test-results', 'playwright-report']);

export interface Result { code: number | null; out: string }

/** Runs a command in `cwd` as a user would type it; never throws for a non-zero exit. */
export async function sh(cwd: string, cmd: string, args: string[], timeoutMs = 300_000): Promise<Result> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CERTCONFORM_')));
  try {
    const r = await exec(cmd, args, { cwd, env: { ...env, CI: '1' }, timeout: timeoutMs, maxBuffer: 64 << 20 });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const x = e as { code?: number | string; stdout?: string; stderr?: string; message: string };
    return { code: typeof x.code === 'number' ? x.code : null, out: `${x.stdout ?? ''}${x.stderr ?? ''}${x.message}` };
  }
}

/**
 * `npm pack` of a clean copy of this checkout (so its `prepare` builds dist/ there, never in the
 * checkout other tests run from), then `npm i <tarball>` into an empty project. Returns that
 * project's folder.
 */
export async function packAndInstall(): Promise<{ project: string; packOut: string; installOut: string }> {
  const copy = mkdtempSync(join(tmpdir(), 'cc-pack-src-'));
  for (const name of readdirSync(ROOT)) {
    if (NOT_COPIED.has(name)) continue;
    cpSync(join(ROOT, name), join(copy, name), { recursive: true, filter: (src) => !NOT_COPIED.has(src.slice(ROOT.length + 1)) });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const project = mkdtempSync(join(tmpdir(), 'cc-consumer-'));
  const pack = await sh(copy, NPM, ['pack', '--pack-destination', project]);
  rmSync(copy, { recursive: true, force: true }); // node_modules there is a link: only the link goes
  if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.out}`);
  const tarball = readdirSync(project).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball:\n${pack.out}`);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true }, null, 2)}\n`);
  const install = await sh(project, NPM, ['i', '-D', `./${tarball}`, '--prefer-offline', '--no-audit', '--no-fund'], 600_000);
  if (install.code !== 0) throw new Error(`npm i ${tarball} failed:\n${install.out}`);
  return { project, packOut: pack.out, installOut: install.out };
}

/** `npx certconform mock --json ...` until its first JSON line, then SIGTERM. */
export function firstMockLine(cwd: string, args: string[]): Promise<{ line?: Record<string, unknown>; out: string }> {
  // Its own process group: npx, the shell it starts and the mock all stop with one signal.
  const child = spawn(NPM, ['exec', '--', 'certconform', 'mock', '--json', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const stop = () => process.kill(-child.pid!, 'SIGTERM');
  let out = '';
  let line: Record<string, unknown> | undefined;
  return new Promise((resolve) => {
    const timer = setTimeout(stop, 120_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      const complete = out.split('\n').slice(0, -1).find((l) => l.startsWith('{'));
      if (complete && !line) {
        line = JSON.parse(complete) as Record<string, unknown>;
        stop();
      }
    });
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.once('exit', () => {
      clearTimeout(timer);
      resolve({ line, out });
    });
  });
}

/** Removes a folder in the background: deleting an installed node_modules takes a minute here. */
export function removeLater(dir: string): void {
  spawn('rm', ['-rf', dir], { detached: true, stdio: 'ignore' }).unref();
}
