import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../lib/paths.ts';

/** Which top-level folder may import which (ARCHITECTURE.md). */
const FORBIDDEN: Record<string, string[]> = {
  suites: ['mock'], // two independent readings of the documentation
  lib: ['mock', 'suites', 'reports', 'cli'],
  mock: ['suites', 'reports'],
};

function sources(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(sources(p));
    else if (/\.(ts|mts|js|mjs)$/.test(name)) out.push(p);
  }
  return out;
}

/** Import specifiers of a source file that resolve into a forbidden top-level folder. */
function violations(file: string, text: string, forbidden: string[]): string[] {
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.filter((s) => {
    if (!s.startsWith('.')) return false;
    const target = relative(ROOT, join(file, '..', s)).split(/[\\/]/)[0]!;
    return forbidden.includes(target);
  });
}

test('the checker notices a forbidden import', () => {
  const file = join(ROOT, 'suites', 'aws-iot', 'x.spec.ts');
  expect(violations(file, `import { engine } from '../../mock/aws-iot/engine.ts';`, ['mock'])).toHaveLength(1);
  expect(violations(file, `const m = await import("../../mock/host.ts")`, ['mock'])).toHaveLength(1);
  expect(violations(file, `import { loadSpec } from '../../lib/spec/load.ts';`, ['mock'])).toHaveLength(0);
});

test('no folder imports from a folder it must not depend on', () => {
  const found: string[] = [];
  for (const [folder, forbidden] of Object.entries(FORBIDDEN)) {
    let files: string[] = [];
    try {
      files = sources(join(ROOT, folder));
    } catch {
      continue; // folder not there yet
    }
    for (const f of files) {
      for (const v of violations(f, readFileSync(f, 'utf8'), forbidden)) found.push(`${relative(ROOT, f)} imports ${v}`);
    }
  }
  expect(found).toEqual([]);
});

/** Import specifiers of a file that resolve to `dir` (a path under the root) or below it. */
function importsOf(file: string, text: string, dir: string): string[] {
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.filter((s) => s.startsWith('.') && `${relative(ROOT, join(file, '..', s))}/`.startsWith(`${dir}/`));
}

test('only mock/mutants and cli import the mutant catalog; the engines never mention mutants', () => {
  expect(importsOf(join(ROOT, 'mock', 'host', 'server.ts'), `import { MUTANTS } from '../mutants/index.ts';`, 'mock/mutants')).toHaveLength(1);
  expect(importsOf(join(ROOT, 'mock', 'host', 'server.ts'), `import { x } from '../mutants-other/index.ts';`, 'mock/mutants')).toHaveLength(0);
  const found: string[] = [];
  const roots = ['lib', 'mock', 'suites', 'reports', 'bench', 'scripts', 'bin'].map((d) => join(ROOT, d));
  const files = [join(ROOT, 'playwright.config.ts'), ...roots.flatMap((d) => (statSync(d, { throwIfNoEntry: false })?.isDirectory() ? sources(d) : []))];
  for (const f of files.filter((f) => !relative(ROOT, f).startsWith('mock/mutants/'))) {
    for (const s of importsOf(f, readFileSync(f, 'utf8'), 'mock/mutants')) found.push(`${relative(ROOT, f)} imports ${s}`);
  }
  // One seam: a mutant edits copies; the engines carry no mutant branches.
  for (const f of sources(join(ROOT, 'mock', 'providers'))) if (/mutant/i.test(readFileSync(f, 'utf8'))) found.push(`${relative(ROOT, f)} mentions mutants`);
  expect(found).toEqual([]);
});
