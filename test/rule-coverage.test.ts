import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../lib/paths.ts';
import { PROVIDERS, RULE_PREFIX } from '../lib/providers.ts';
import { loadCatalog } from '../lib/rules/catalog.ts';

// Closed vocabulary: every rule id the suites name exists, and every MUST and SHOULD rule is
// named by some suite file of its provider (a test checks it, or says why it cannot).
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}

for (const p of PROVIDERS) {
  test(`${p}: rule ids in suites/${p} exist, and every MUST and SHOULD rule is checked`, () => {
    const known = new Set(loadCatalog(p).rules.map((r) => r.id));
    const pattern = new RegExp(`\\b${RULE_PREFIX[p]}-[A-Z]+-\\d{3}\\b`, 'g');
    const named = new Map<string, string>();
    for (const f of files(join(ROOT, 'suites', p))) {
      for (const id of readFileSync(f, 'utf8').match(pattern) ?? []) named.set(id, relative(ROOT, f));
    }
    // SPEC-001 is checked on every exchange by the client (suites/support/checks/contract.ts).
    if (readFileSync(join(ROOT, 'suites', 'support', 'checks', 'contract.ts'), 'utf8').includes('-SPEC-001`')) named.set(`${RULE_PREFIX[p]}-SPEC-001`, 'suites/support/checks/contract.ts');
    const unknown = [...named].filter(([id]) => !known.has(id)).map(([id, f]) => `${id} (${f})`);
    expect(unknown, 'rule ids not in the catalog').toEqual([]);
    const unchecked = loadCatalog(p).rules.filter((r) => r.level !== 'INFO' && !named.has(r.id)).map((r) => r.id);
    expect(unchecked, 'MUST/SHOULD rules no suite file names').toEqual([]);
  });
}
