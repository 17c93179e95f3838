#!/usr/bin/env node
// Installed, certconform runs its compiled JavaScript (dist/). In a checkout it runs dist/ too
// while that build is newer than every source file (npm ci builds it), and otherwise the
// TypeScript itself through tsx: an edit takes effect at once, never a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['lib', 'cli', 'mock', 'suites', 'reports'];

/** Newest modification time (ms) among the checkout's sources; 0 when there are none (installed). */
function newestSource() {
  let newest = 0;
  for (const dir of SOURCES) {
    if (!existsSync(root + dir)) continue;
    for (const e of readdirSync(root + dir, { recursive: true, withFileTypes: true })) {
      if (e.isFile()) newest = Math.max(newest, statSync(`${e.parentPath ?? e.path}/${e.name}`).mtimeMs);
    }
  }
  for (const f of ['playwright.config.ts', 'index.ts', 'tsconfig.json', 'tsconfig.build.json']) {
    if (existsSync(root + f)) newest = Math.max(newest, statSync(root + f).mtimeMs);
  }
  return newest;
}

const stamp = root + 'dist/.built';
let entry = '../dist/cli/main.js';
// CERTCONFORM_FROM_SOURCE=1 (set by the project's own tests) runs the checkout's TypeScript even
// beside a fresh build, so a test never meets a dist/ being rebuilt under it.
const fromSource = process.env.CERTCONFORM_FROM_SOURCE === '1' && existsSync(root + 'cli/main.ts');
if (fromSource || !existsSync(stamp) || statSync(stamp).mtimeMs < newestSource()) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = '../cli/main.ts';
}
// Output piped into a reader that stops early (`| head`) ends the command quietly.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
