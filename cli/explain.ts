import { PROVIDERS, RULE_PREFIX, type Provider } from '../lib/providers.ts';
import { codeFile } from '../lib/paths.ts';
import { BASIS_MEANING, loadCatalog, type Outcome, type Rule } from '../lib/rules/catalog.ts';
import { ListingError, listTests, type ListedTest } from './listing.ts';

/** The rule of that id, or the sentence that says why there is none. */
export function findRule(id: string): { rule: Rule; provider: Provider } | string {
  const provider = PROVIDERS.find((p) => id.toUpperCase().startsWith(`${RULE_PREFIX[p]}-`));
  if (!provider) return `'${id}' is not a rule id: ids start with ${PROVIDERS.map((p) => `${RULE_PREFIX[p]}-`).join(', ')} (\`certconform rules\` lists them)`;
  const rules = loadCatalog(provider).rules;
  const rule = rules.find((r) => r.id === id.toUpperCase());
  if (rule) return { rule, provider };
  const near = rules.filter((r) => r.id.startsWith(id.toUpperCase().replace(/-\d*$/, ''))).map((r) => r.id);
  return `unknown rule id '${id}'${near.length ? ` (near: ${near.slice(0, 6).join(', ')})` : ''}; \`certconform rules ${provider}\` lists ${provider}'s rules`;
}

const outcome = (o: Outcome) => `${o.status}${o.code ? ` ${o.code}` : ''}${o.operation ? ` (judged on ${o.operation})` : ''}`;

/** The tests of the default run (every provider against the built-in mock) that judge the rule. */
async function testsOf(id: string, provider: Provider): Promise<ListedTest[]> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CERTCONFORM_')));
  const listed = await listTests(['test', '-c', codeFile('playwright.config.ts')], { ...env, CERTCONFORM_PROVIDERS: provider });
  const seen = new Set<string>();
  return listed
    .flatMap((t) => t.tests)
    .filter((t) => t.rules.includes(id) && !seen.has(`${t.file} > ${t.title}`) && seen.add(`${t.file} > ${t.title}`));
}

/**
 * `certconform explain RULE-ID`: the catalog entry (statement, level, basis, the source passage,
 * documented outcomes, discrepancy), the tests that judge it (Playwright's own listing of the
 * suites' rule annotations) and the mutants of the mock that break it (mock/mutants).
 */
export async function explainCommand(id: string): Promise<number> {
  const found = findRule(id);
  if (typeof found === 'string') {
    console.error(`certconform explain: ${found}`);
    return 2;
  }
  const { rule: r, provider } = found;
  let tests: ListedTest[];
  try {
    tests = await testsOf(r.id, provider);
  } catch (e) {
    if (!(e instanceof ListingError)) throw e;
    console.error(`certconform explain: ${e.message}`);
    return 2;
  }
  const { mutantsOf } = await import('../mock/mutants/index.ts');
  const mutants = mutantsOf(provider).filter((m) => m.rules.includes(r.id));
  const lines = [
    `${r.id} (${r.level}) ${provider} ${r.operation}, ${r.category}`,
    `  ${r.statement}`,
    `basis: ${r.basis}: ${BASIS_MEANING[r.basis]}`,
    `source: ${r.source.file} § ${r.source.heading}`,
    `  "${r.source.quote}"`,
    `documented outcomes: ${r.outcomes.map(outcome).join(' | ') || 'none listed'}`,
    ...(r.discrepancy ? [`discrepancy: ${r.discrepancy}`] : []),
    `tests that judge it (${tests.length}):`,
    ...tests.map((t) => `  ${t.file} > ${t.title}`),
    `mutants of the mock that break it (${mutants.length}):`,
    ...mutants.map((m) => `  ${m.name}: ${m.description}${m.unobservable ? ` (unobservable: ${m.unobservable})` : ''}`),
  ];
  console.log(lines.join('\n'));
  return 0;
}
