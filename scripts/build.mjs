#!/usr/bin/env node
// The published build (npm run build; `prepare` runs it on npm ci and npm pack): tsc compiles
// the TypeScript to dist/ with declarations, the data files the code reads beside itself
// (JSON Schemas, the report page's CSS and scripts) are copied next to it, and dist/.built is
// written last: bin/certconform.mjs uses dist/ only while .built is newer than every source.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const SOURCE_DIRS = ['lib', 'cli', 'mock', 'suites', 'reports'];
const ASSETS = new Set(['.json', '.css', '.js']);

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const built = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (built.status !== 0) {
  console.error('build: tsc failed (see above); dist/ is incomplete and will not be used');
  process.exit(1);
}
for (const dir of SOURCE_DIRS) {
  for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !ASSETS.has(extname(entry.name))) continue;
    const from = join(entry.parentPath ?? entry.path, entry.name);
    const to = join(dist, relative(root, from));
    // A data file must not replace a compiled module of the same name (filters.js vs filters.ts).
    if (existsSync(to)) throw new Error(`build: ${relative(root, from)} would overwrite the compiled ${relative(root, to)}`);
    cpSync(from, to);
  }
}
writeFileSync(join(dist, '.built'), `${new Date().toISOString()}\n`);
