import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { docsDir, rulesFile } from '../lib/paths.ts';
import { PROVIDERS, RULE_PREFIX } from '../lib/providers.ts';
import { loadCatalog } from '../lib/rules/catalog.ts';
import { fidelityProblems, type RuleBasis } from '../lib/rules/fidelity.ts';
import { loadSpec } from '../lib/spec/load.ts';

const fold = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const docText = new Map<string, string>();
function doc(file: string): string {
  if (!docText.has(file)) docText.set(file, fold(readFileSync(join(docsDir(), file), 'utf8')));
  return docText.get(file)!;
}

test('rule ids are unique across all catalogs', () => {
  const ids = PROVIDERS.flatMap((p) => loadCatalog(p).rules.map((r) => r.id));
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
});

for (const provider of PROVIDERS) {
  test(`${provider}: catalog is well-formed and traceable`, () => {
    const { rules } = loadCatalog(provider);
    const spec = loadSpec(provider);
    const problems: string[] = [];
    for (const r of rules) {
      if (!r.id.startsWith(`${RULE_PREFIX[provider]}-`)) problems.push(`${r.id}: prefix is not ${RULE_PREFIX[provider]}`);
      if (!spec.operations.has(r.operation)) problems.push(`${r.id}: unknown operation ${r.operation}`);
      let text = '';
      try {
        text = doc(r.source.file);
      } catch {
        problems.push(`${r.id}: source file ${r.source.file} not found`);
        continue;
      }
      if (!text.includes(fold(r.source.quote))) problems.push(`${r.id}: quote not found in ${r.source.file}: "${r.source.quote}"`);
      for (const o of r.outcomes) {
        const op = spec.operations.get(o.operation ?? r.operation);
        if (op && !op.responses.has(String(o.status))) problems.push(`${r.id}: ${op.operationId} does not document ${o.status}`);
      }
    }
    expect(problems).toEqual([]);
  });

  // MUST rests on a seed page; reference and sdk are at most SHOULD, emulator and inference too
  // (lib/rules/fidelity.ts, cases in catalog-fidelity.test.ts).
  // Read without the schema check, so every rule is named even while the schema rejects the file.
  test(`${provider}: every rule has a basis, and its level does not go beyond it`, () => {
    const { rules } = parse(readFileSync(rulesFile(provider), 'utf8')) as { rules: RuleBasis[] };
    expect(fidelityProblems(rules)).toEqual([]);
  });
}

test('every seed page is cited by at least one MUST rule', () => {
  const cited = new Set(PROVIDERS.flatMap((p) => loadCatalog(p).rules.filter((r) => r.level === 'MUST').map((r) => r.source.file)));
  const seeds = readdirSync(join(docsDir(), 'seeds'));
  expect(seeds.length).toBeGreaterThan(0);
  expect(seeds.filter((s) => !cited.has(`seeds/${s}`))).toEqual([]);
});
