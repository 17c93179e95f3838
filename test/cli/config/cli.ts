import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../../lib/paths.ts';

export const BIN = join(ROOT, 'bin', 'certconform.mjs');

/** `certconform ...args` in `cwd`, as a user types it (no inherited CERTCONFORM_* settings). */
export function cli(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string; err: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CERTCONFORM_')));
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...clean, CI: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}
