import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Provider } from './providers.ts';

/**
 * Where the running code lives: the repository root (TypeScript through tsx) or its dist/
 * (the compiled package). Both hold the same tree: lib/, cli/, suites/, reports/ ...
 */
export const CODE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The package root (package.json, specs/, bin/), found from this file so that any working directory works. */
export const ROOT = basename(CODE_DIR) === 'dist' ? dirname(CODE_DIR) : CODE_DIR;
export const SPECS_DIR = join(ROOT, 'specs');
/** True when this is the compiled JavaScript: module files then end in .js, not .ts. */
export const COMPILED = extname(fileURLToPath(import.meta.url)) === '.js';
/** True when certconform is installed as a dependency (a node_modules folder holds it). */
export const INSTALLED = ROOT.split(sep).includes('node_modules');

/** A module of the running tree by its source path (`reports/conformance-reporter.ts`). */
export const codeFile = (rel: string) => join(CODE_DIR, COMPILED ? rel.replace(/\.ts$/, '.js') : rel);

/** Reports go to the working directory, never into the package: `./reports/out` unless told. */
export const defaultReportDir = () => resolve('reports', 'out');

/**
 * Caches (generated keys): the checkout's .cache/, or, installed, the project's
 * node_modules/.cache/certconform (the package folder may be read-only).
 */
export const cacheDir = (name: string) =>
  INSTALLED ? resolve('node_modules', '.cache', 'certconform', name) : join(ROOT, '.cache', name);

export const specFile = (p: Provider) => join(SPECS_DIR, `${p}.yaml`);
export const rulesFile = (p: Provider) => join(SPECS_DIR, 'rules', `${p}.yaml`);

/**
 * The provider documentation the rules cite (seeds/, reference/), for the project's own tests:
 * nothing at run time reads it (the catalogs quote the passages they need). It lives beside
 * the repository as ../shared; CERTCONFORM_DOCS points elsewhere.
 */
export function docsDir(): string {
  const dir = process.env.CERTCONFORM_DOCS ?? join(ROOT, '..', 'shared');
  if (!existsSync(join(dir, 'seeds'))) {
    throw new Error(
      `provider documentation not found at ${dir} (expected seeds/ and reference/ there); ` +
        'set CERTCONFORM_DOCS to the folder that holds them',
    );
  }
  return dir;
}
