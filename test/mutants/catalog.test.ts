import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../lib/paths.ts';
import { PROVIDERS, type Provider } from '../../lib/providers.ts';
import { loadCatalog } from '../../lib/rules/catalog.ts';
import { loadSpec } from '../../lib/spec/load.ts';
import { applyMutant } from '../../mock/mutants/apply.ts';
import { MUTANTS, mutantsOf } from '../../mock/mutants/index.ts';
import { CONSTRAINT_CLASSES, type ConstraintClass } from '../../mock/mutants/mutant.ts';
import { loadProvider } from '../../mock/providers/index.ts';

/** The constraint classes a provider's spec has something for (classes of every dialect: always). */
function applicableClasses(p: Provider): Set<ConstraintClass> {
  const found = new Set<ConstraintClass>(['error-type', 'error-shape', 'status', 'body']);
  const walk = (node: unknown, key = ''): void => {
    if (!node || typeof node !== 'object' || key === 'example' || key === 'examples') return;
    const n = node as Record<string, unknown>;
    if (['minLength', 'maxLength', 'x-maxBytes'].some((k) => typeof n[k] === 'number')) found.add('length');
    if (typeof n.pattern === 'string') found.add('pattern');
    if (Array.isArray(n.enum)) found.add('enum');
    if ((n.required === true && n.in !== 'path') || (Array.isArray(n.required) && n.required.length)) found.add('required');
    for (const [k, v] of Object.entries(n)) walk(v, k);
  };
  const doc = loadSpec(p).doc;
  walk(doc.paths);
  walk(doc.components);
  return found;
}

/**
 * The text of a provider's suite, where the rule ids its tests are tagged with are written (as
 * string literals, in a spec file or a helper that computes a test's rule). Cheap and close:
 * a rule named there but tagging no test leaves its mutant alive, which score.test.ts catches.
 */
function suiteText(p: Provider): string {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
  return files(join(ROOT, 'suites', p)).map((f) => readFileSync(f, 'utf8')).join('\n');
}

test('mutant names are unique, <provider>/<kebab-case>, and none is the runner\'s control', () => {
  const names = MUTANTS.map((m) => m.name);
  expect(names.filter((n, i) => names.indexOf(n) !== i), 'names used twice').toEqual([]);
  const bad = names.filter((n) => !new RegExp(`^(${PROVIDERS.join('|')})/[a-z0-9]+(-[a-z0-9]+)*$`).test(n) || n.endsWith('/control'));
  expect(bad).toEqual([]);
});

for (const p of PROVIDERS) {
  test(`${p}: every MUST and SHOULD rule has a mutant, every named rule exists and tags a test`, () => {
    const rules = loadCatalog(p).rules;
    const mutants = mutantsOf(p);
    const named = new Set(mutants.flatMap((m) => m.rules));
    const uncovered = rules.filter((r) => r.level !== 'INFO' && !named.has(r.id)).map((r) => r.id);
    expect(uncovered, 'MUST/SHOULD rules no mutant breaks').toEqual([]);
    const known = new Set(rules.map((r) => r.id));
    expect(mutants.filter((m) => !m.rules.length || m.rules.some((r) => !known.has(r))).map((m) => `${m.name}: ${m.rules.join(', ')}`), 'unknown or missing rule ids').toEqual([]);
    // The runner selects a mutant's tests by its rules' tags; SPEC-001 (every exchange) selects all.
    const suite = suiteText(p);
    const untargeted = mutants.filter((m) => !m.rules.some((r) => r.endsWith('-SPEC-001') || suite.includes(`'${r}'`)));
    expect(untargeted.map((m) => m.name), 'mutants whose rules tag no test').toEqual([]);
  });

  test(`${p}: each constraint class the spec has is broken by a mutant; unobservable ones say why`, () => {
    const mutants = mutantsOf(p);
    const have = new Set(mutants.map((m) => m.class).filter(Boolean));
    const missing = [...applicableClasses(p)].filter((c) => !have.has(c));
    expect(missing, `constraint classes of specs/${p}.yaml without a mutant`).toEqual([]);
    expect(mutants.filter((m) => m.class && !CONSTRAINT_CLASSES.includes(m.class)).map((m) => m.name)).toEqual([]);
    const unexplained = mutants.filter((m) => m.unobservable !== undefined && m.unobservable.trim().length < 20).map((m) => m.name);
    expect(unexplained, 'unobservable without a reason').toEqual([]);
    expect(mutants.filter((m) => !m.description.trim()).map((m) => m.name), 'without a description').toEqual([]);
  });

  test(`${p}: every mutant applies to the engine and changes something`, async () => {
    const module = await loadProvider(p);
    const spec = loadSpec(p);
    const stubs: string[] = [];
    for (const m of mutantsOf(p)) {
      const mutated = applyMutant(module, m); // throws on a pointer or handler that does not exist
      const specChanged = JSON.stringify(mutated.spec.doc) !== JSON.stringify(spec.doc);
      const moduleChanged = Object.entries(mutated.module).some(([k, v]) =>
        k === 'handlers' ? Object.entries(v as object).some(([op, h]) => module.handlers[op] !== h) : (module as unknown as Record<string, unknown>)[k] !== v,
      );
      if (!specChanged && !moduleChanged) stubs.push(m.name);
    }
    expect(stubs, 'mutants that change neither the spec nor the module').toEqual([]);
  });
}
