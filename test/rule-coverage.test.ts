import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { ROOT } from '../lib/paths.ts';
import { PROVIDERS, isProvider, type Provider } from '../lib/providers.ts';
import { loadCatalog } from '../lib/rules/catalog.ts';

// Closed vocabulary, read from Playwright itself: the suites' tests as `playwright test --list`
// sees them (the root config, every provider against the built-in mock), with the `rule`
// annotations suites/support/rules.ts puts on them. A rule id in a comment or a helper's body
// checks nothing, so it counts for nothing here. --list runs no global setup: no mock starts.
const PLAYWRIGHT = createRequire(import.meta.url).resolve('@playwright/test/cli');

interface ListedTest { projectName: string; annotations: { type: string; description?: string }[] }
interface ListedSuite { title: string; file?: string; specs?: { title: string; file: string; tests: ListedTest[] }[]; suites?: ListedSuite[] }
interface Listing {
  config: { projects: { name: string; metadata?: { provider?: string } }[] };
  suites: ListedSuite[];
  errors: { message?: string }[];
}

/** Rule id -> the tests (file > title) that carry it, per provider. */
type Annotated = Map<Provider, Map<string, string[]>>;

async function listAnnotations(): Promise<Annotated> {
  // The default run's listing, whatever CERTCONFORM_* this process was started with.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CERTCONFORM_')));
  const args = [PLAYWRIGHT, 'test', '-c', 'playwright.config.ts', '--list', '--reporter=json'];
  // A listing with load errors exits 1 and still prints its JSON: read it either way.
  const run = promisify(execFile)(process.execPath, args, { cwd: ROOT, env, maxBuffer: 64 << 20 });
  const { stdout, stderr } = await run.catch((e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? '', stderr: e.stderr ?? String(e) }));
  let listing: Listing;
  try {
    listing = JSON.parse(stdout) as Listing;
  } catch {
    throw new Error(`playwright test --list printed no JSON listing:\n${stderr.slice(-2000)}`);
  }
  const loadErrors = [...new Set(listing.errors.map((e) => (e.message ?? '').split('\n')[0]))];
  expect(loadErrors, 'suite files that did not load (their tests are not listed)').toEqual([]);
  const providerOf = new Map(listing.config.projects.map((p) => [p.name, p.metadata?.provider ?? '']));
  const out: Annotated = new Map(PROVIDERS.map((p) => [p, new Map()]));
  const walk = (s: ListedSuite) => {
    for (const spec of s.specs ?? []) {
      for (const t of spec.tests) {
        const p = providerOf.get(t.projectName) ?? '';
        if (!isProvider(p)) continue;
        for (const a of t.annotations) {
          if (a.type !== 'rule' || !a.description) continue;
          const by = out.get(p)!;
          by.set(a.description, [...new Set([...(by.get(a.description) ?? []), `${spec.file} > ${spec.title}`])]);
        }
      }
    }
    for (const child of s.suites ?? []) walk(child);
  };
  listing.suites.forEach(walk);
  return out;
}

// One listing for the four providers: the file's tests run in order, in one worker.
test.describe.configure({ mode: 'default' });
let listed: Promise<Annotated> | undefined;

for (const p of PROVIDERS) {
  test(`${p}: every rule a test is annotated with exists, and every MUST and SHOULD rule annotates a test`, async () => {
    test.setTimeout(120_000);
    const annotated = (await (listed ??= listAnnotations())).get(p)!;
    const rules = loadCatalog(p).rules;
    const known = new Set(rules.map((r) => r.id));
    const unknown = [...annotated].filter(([id]) => !known.has(id)).map(([id, tests]) => `${id} (${tests[0]})`);
    expect(unknown, `rule ids on ${p} tests that specs/rules/${p}.yaml lacks`).toEqual([]);
    const unchecked = rules.filter((r) => r.level !== 'INFO' && !annotated.has(r.id)).map((r) => `${r.id} (${r.level})`);
    expect(unchecked, `MUST/SHOULD rules of ${p} that no test is annotated with`).toEqual([]);
  });
}
