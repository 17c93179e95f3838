import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/paths.ts';
import { PROVIDERS } from '../lib/providers.ts';
import { loadCatalog } from '../lib/rules/catalog.ts';
import { renderRulePage, rulePagePath } from '../lib/rules/page.ts';

// The rule reference pages are checked in, generated from the catalogs: a catalog edit without
// `npm run docs:rules` leaves a page stale, and this fails.
for (const p of PROVIDERS) {
  test(`${rulePagePath(p)} is what the catalog generates (else: npm run docs:rules)`, () => {
    const page = readFileSync(join(ROOT, rulePagePath(p)), 'utf8');
    expect(page).toBe(renderRulePage(p));
    for (const r of loadCatalog(p).rules) expect(page).toContain(`\n## ${r.id}\n`);
  });
}
