import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const PLAYWRIGHT = createRequire(import.meta.url).resolve('@playwright/test/cli');

/** One test as `playwright test --list` sees it, with the rule ids its `rule` annotations name. */
export interface ListedTest {
  file: string;
  title: string;
  rules: string[];
}

/** The tests of one target (its main project and its clock phase together). */
export interface ListedTarget {
  /** `provider@target`, the report's column. */
  target: string;
  provider: string;
  tests: ListedTest[];
}

interface RawTest { projectName: string; annotations: { type: string; description?: string }[] }
interface RawSuite { specs?: { title: string; file: string; tests: RawTest[] }[]; suites?: RawSuite[] }
interface Raw {
  config: { projects: { name: string; metadata?: { provider?: string; target?: string } }[] };
  suites: RawSuite[];
  errors: { message?: string }[];
}

export class ListingError extends Error {}

/**
 * `playwright test <args> --list --reporter=json` with the suites' config: what a run would
 * run, read from Playwright itself (the same selection, projects and rule annotations). No
 * global setup runs and no target is contacted.
 */
export async function listTests(args: string[], env: NodeJS.ProcessEnv): Promise<ListedTarget[]> {
  const run = promisify(execFile)(process.execPath, [PLAYWRIGHT, ...args, '--list', '--reporter=json'], { env, maxBuffer: 64 << 20 });
  // A listing with load errors exits 1 and still prints its JSON.
  const { stdout, stderr } = await run.catch((e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? '', stderr: e.stderr ?? String(e) }));
  let raw: Raw;
  try {
    raw = JSON.parse(stdout) as Raw;
  } catch {
    throw new ListingError(`Playwright printed no test listing: ${stderr.trim().split('\n')[0] ?? ''}`);
  }
  const broken = raw.errors.map((e) => (e.message ?? '').split('\n')[0]).filter(Boolean);
  if (broken.length) throw new ListingError(`the suites did not load: ${broken[0]}`);
  const targetOf = new Map(raw.config.projects.map((p) => [p.name, p.metadata ?? {}]));
  const out = new Map<string, ListedTarget>();
  const walk = (s: RawSuite) => {
    for (const spec of s.specs ?? []) {
      for (const t of spec.tests) {
        const m = targetOf.get(t.projectName) ?? {};
        const target = m.provider && m.target ? `${m.provider}@${m.target}` : t.projectName;
        const entry = out.get(target) ?? { target, provider: m.provider ?? '', tests: [] };
        out.set(target, entry);
        const rules = t.annotations.filter((a) => a.type === 'rule' && a.description).map((a) => a.description!);
        entry.tests.push({ file: spec.file, title: spec.title, rules });
      }
    }
    for (const child of s.suites ?? []) walk(child);
  };
  raw.suites.forEach(walk);
  return [...out.values()];
}
