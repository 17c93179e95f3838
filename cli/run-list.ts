import { loadCatalog } from '../lib/rules/catalog.ts';
import { isProvider } from '../lib/providers.ts';
import { ListingError, listTests, type ListedTarget } from './listing.ts';
import { UsageError } from './mock.ts';
import { planRun, type RunOptions } from './run-options.ts';

/**
 * `certconform run --list`: per target, the tests the run would run and the rules they judge,
 * from the same plan as the run (flags, config file), with nothing sent to any target.
 */
export async function runListCommand(names: string[], opts: RunOptions): Promise<number> {
  let listed: ListedTarget[];
  try {
    const plan = planRun(names, opts);
    const { CERTCONFORM_REPORTER: _, ...env } = plan.env;
    listed = await listTests(plan.args, { ...process.env, ...env });
  } catch (e) {
    if (!(e instanceof UsageError || e instanceof ListingError)) throw e;
    console.error(`certconform run --list: ${e.message}`);
    return 2;
  }
  for (const t of listed) print(t);
  if (!listed.length) console.log('no test matches: nothing would run');
  return 0;
}

function print(t: ListedTarget): void {
  const rules = new Map<string, number>();
  for (const test of t.tests) for (const id of test.rules) rules.set(id, (rules.get(id) ?? 0) + 1);
  const levelOf = new Map(isProvider(t.provider) ? loadCatalog(t.provider).rules.map((r) => [r.id, r.level]) : []);
  console.log(`${t.target}: ${t.tests.length} tests, ${rules.size} rules`);
  for (const test of t.tests) console.log(`  ${test.file} > ${test.title}${test.rules.length ? `  [${test.rules.join(', ')}]` : ''}`);
  console.log(`  rules: ${[...rules.keys()].sort().map((id) => `${id} (${levelOf.get(id) ?? '?'})`).join(', ')}`);
}
