import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Provider } from './providers.ts';

/** The repository root, found from this file so that any working directory works. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SPECS_DIR = join(ROOT, 'specs');

export const specFile = (p: Provider) => join(SPECS_DIR, `${p}.yaml`);
export const rulesFile = (p: Provider) => join(SPECS_DIR, 'rules', `${p}.yaml`);

/**
 * The provider documentation the rules cite (seeds/, reference/). It lives beside the
 * repository as ../shared; CERTCONFORM_DOCS points elsewhere.
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
