import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { codeFile, defaultReportDir } from '../lib/paths.ts';
import { PROVIDERS, isProvider, type Provider } from '../lib/providers.ts';
import { REPLAY_ENV, reachedByOf } from '../suites/support/replay.ts';
import { clockUrls } from '../suites/support/target/clock.ts';
import { UsageError } from './mock.ts';

export interface RunOptions {
  target?: string[];
  seed?: string;
  path?: string;
  runs?: string;
  grep?: string;
  safe?: boolean;
  rps?: string;
  reportDir?: string;
  engine?: string;
  shard?: string;
  workers?: string;
  reporter?: string;
}

const int = (flag: string, v: string | undefined, min: number): string | undefined => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`${flag} must be an integer >= ${min}, got '${v}'`);
  return v;
};

/**
 * One `--target provider=URL` or `provider:name=URL` (run and cleanup): the provider, its http(s)
 * URL and the name its report column takes (the host unless given), or a usage error.
 */
export function parseTarget(pair: string): { provider: Provider; url: string; host: string; name: string } {
  const m = /^([a-z-]+)(?::([A-Za-z0-9][\w.-]*))?=(.+)$/.exec(pair);
  if (!m) throw new UsageError(`--target takes provider=URL (e.g. aws-iot=http://127.0.0.1:5000), got '${pair}'`);
  const [, p, name, url] = m as unknown as [string, string, string | undefined, string];
  if (!isProvider(p)) throw new UsageError(`--target: unknown provider '${p}' (known: ${PROVIDERS.join(', ')})`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--target ${p}: '${url}' is not a URL`);
  }
  if (!/^https?:$/.test(parsed.protocol)) throw new UsageError(`--target ${p}: the URL must be http or https, got '${url}'`);
  return { provider: p, url: url.replace(/\/+$/, ''), host: parsed.host, name: name ?? parsed.host };
}

type Given = { provider: Provider; name: string; url: string; named: boolean };

/**
 * `provider[:name]=URL` pairs -> CERTCONFORM_TARGETS; credentials come from each provider's chain
 * before the run (cli/preflight.ts). A provider may be given several times (implementations
 * compared in one run) when every one of its targets has a distinct name.
 */
function targets(pairs: string[]): Given[] {
  const out: Given[] = [];
  for (const pair of pairs) {
    const t = parseTarget(pair);
    const same = out.filter((o) => o.provider === t.provider);
    const named = /^[a-z-]+:/.test(pair);
    if (same.length && (!named || same.some((o) => !o.named))) {
      throw new UsageError(`--target ${t.provider} is given twice: name each one (e.g. --target ${t.provider}:mock=URL --target ${t.provider}:other=URL)`);
    }
    if (same.some((o) => o.name === t.name)) throw new UsageError(`--target ${t.provider}:${t.name} is given twice: give each target its own name`);
    out.push({ provider: t.provider, name: t.name, url: t.url, named });
  }
  return out;
}

/** The object form (one target per provider, what replay and older tools read), or the array form for several. */
function targetsEnv(given: Given[]): string {
  const several = new Set(given.map((t) => t.provider)).size < given.length;
  if (several) return JSON.stringify(given.map(({ provider, name, url }) => ({ provider, name, url })));
  return JSON.stringify(Object.fromEntries(given.map(({ provider, name, url }) => [provider, { name, url }])));
}

/** `--report-dir` (default CERTCONFORM_REPORT_DIR, else reports/out): a folder (made if missing), never a file. */
function reportDirOf(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const dir = flag ?? env.CERTCONFORM_REPORT_DIR;
  const abs = dir ? (isAbsolute(dir) ? dir : resolve(dir)) : defaultReportDir();
  if (existsSync(abs) && !statSync(abs).isDirectory()) throw new UsageError(`--report-dir ${dir}: a file is there, not a folder`);
  return abs;
}

/** `--shard i/n`, checked; a shard needs --seed so that every shard runs the same run. */
function shardOf(opts: RunOptions): string | undefined {
  if (opts.shard === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(opts.shard);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard takes i/n with 1 <= i <= n (e.g. 2/4), got '${opts.shard}'`);
  if (opts.seed === undefined) throw new UsageError('--shard: give every shard of the run the same --seed (e.g. the CI run number), so their reports merge');
  return `${Number(m[1])}/${Number(m[2])}`;
}

/** `--grep` becomes a regular expression in Playwright: one that does not compile is a usage error. */
function checkGrep(grep: string | undefined): void {
  if (grep === undefined) return;
  if (!grep) throw new UsageError("--grep takes a rule id or a regular expression over test titles, got ''");
  try {
    new RegExp(grep);
  } catch (e) {
    throw new UsageError(`--grep '${grep}' is not a regular expression (${(e as Error).message.replace(/^Invalid regular expression: /, '')}); escape special characters, e.g. '\\('`);
  }
}

/** Playwright's own terminal reporters; a path to a reporter module also works. */
const REPORTERS = ['list', 'line', 'dot', 'json', 'junit', 'html', 'github', 'null', 'blob'];

/** The reporters as Playwright's config takes them (a module path made absolute), or a usage error. */
function reportersOf(reporter: string | undefined): string | undefined {
  if (reporter === undefined) return undefined;
  return reporter
    .split(',')
    .map((r) => {
      if (REPORTERS.includes(r)) return r;
      if (/[/\\]|\.[cm]?[jt]s$/.test(r) && existsSync(resolve(r))) return resolve(r);
      throw new UsageError(`--reporter: unknown reporter '${r}' (known: ${REPORTERS.join(', ')}, or the path of a reporter module)`);
    })
    .join(',');
}

/** Turns `certconform run` flags into the environment and arguments of `playwright test`. */
export function planRun(names: string[], opts: RunOptions, env: NodeJS.ProcessEnv = process.env) {
  const providers = names.map((n) => {
    if (!isProvider(n)) throw new UsageError(`unknown provider '${n}' (known: ${PROVIDERS.join(', ')})`);
    return n;
  });
  const given = targets(opts.target ?? []);
  try {
    clockUrls(env); // a bad CERTCONFORM_CLOCK is a usage error before anything runs
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const targeted = [...new Set(given.map((t) => t.provider))];
  if (targeted.length && providers.some((p) => !targeted.includes(p))) {
    throw new UsageError(`with --target, name only targeted providers (${targeted.join(', ')}), or leave the list out`);
  }
  if (opts.engine && !['stateful', 'prism'].includes(opts.engine)) throw new UsageError(`--engine must be stateful or prism, got '${opts.engine}'`);
  if (opts.engine && targeted.length) throw new UsageError('--engine chooses the built-in mock; it does not combine with --target');
  if (opts.path !== undefined && opts.seed === undefined) throw new UsageError('--path replays a failure of a given run: give its --seed too');
  const shard = shardOf(opts);
  checkGrep(opts.grep);
  const reporters = reportersOf(opts.reporter);
  const reportDir = reportDirOf(opts.reportDir, env);
  // A replay reaches one target per provider: the first given (its report row names which).
  const urls: Partial<Record<Provider, string>> = {};
  for (const t of given) urls[t.provider] ??= t.url;
  const workers = int('--workers', opts.workers, 1) ?? String(Math.max(2, availableParallelism()));
  const runEnv: Record<string, string> = {
    CERTCONFORM_REPORT_DIR: reportDir,
    CERTCONFORM_WORKERS: workers,
    CERTCONFORM_SEED: int('--seed', opts.seed, 0) ?? String(Date.now() % 2 ** 31),
    // Shards of one run share the run id (derived from the seed), so their reports merge.
    CERTCONFORM_RUN_ID: shard ? `s${Number(opts.seed).toString(36)}` : `r${Date.now().toString(36)}`,
    ...(shard ? { CERTCONFORM_SHARD: shard } : {}),
    ...(int('--runs', opts.runs, 1) ? { CERTCONFORM_RUNS: opts.runs! } : {}),
    ...(opts.path ? { CERTCONFORM_PATH: opts.path } : {}),
    ...(opts.safe ? { CERTCONFORM_SAFE: '1' } : {}),
    ...(int('--rps', opts.rps, 1) ? { CERTCONFORM_RPS: opts.rps! } : {}),
    ...(targeted.length ? { CERTCONFORM_TARGETS: targetsEnv(given) } : {}),
    ...(providers.length && !targeted.length ? { CERTCONFORM_PROVIDERS: providers.join(',') } : {}),
    ...(opts.engine ? { CERTCONFORM_MOCK_ENGINE: opts.engine } : {}),
    // Terminal reporters in place of the progress output (the report writers always stay).
    ...(reporters ? { CERTCONFORM_REPORTER: reporters } : {}),
    // The config folds --grep into the clock phase (a teardown project, which --grep skips).
    CERTCONFORM_GREP: opts.grep ?? '',
    // What a printed replay command needs to reach the same targets the same way.
    [REPLAY_ENV]: JSON.stringify(reachedByOf({ targets: urls, engine: opts.engine, runs: opts.runs, rps: opts.rps }, env)),
  };
  const args = ['test', '-c', codeFile('playwright.config.ts'), '--workers', workers];
  if (opts.grep) args.push('--grep', opts.grep);
  if (shard) args.push('--shard', shard);
  return { env: runEnv, args, reportDir };
}
