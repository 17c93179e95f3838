import { dirname, resolve } from 'node:path';
import type { CertconformConfig } from './config/define.ts';
import { ConfigError, findConfig, loadConfig } from './config/load.ts';
import { jsonPath } from './config/interpolate.ts';
import type { GateFlags } from './gate.ts';
import type { RunOptions } from './run-options.ts';

export { ConfigError };

/** `certconform run`'s flags as commander hands them over, plus --config. */
export type RunFlags = RunOptions & GateFlags & { config?: string };

/**
 * The config file's settings as the flags of `certconform run` (cli/run-options.ts keeps the
 * one set of rules for them): numbers become the strings a flag would give, relative paths are
 * made absolute against the file's folder, each target becomes `--target provider[:name]=url`.
 */
export function optionsFromConfig(c: CertconformConfig, dir: string): RunOptions & GateFlags {
  const seen = new Map<string, number>();
  const target = (c.targets ?? []).map((t, i) => {
    const first = seen.get(t.provider);
    if (first !== undefined) throw new Error(`${jsonPath(['targets', i, 'provider'])}: ${t.provider} has a target already (targets[${first}]); one per provider`);
    seen.set(t.provider, i);
    return `${t.provider}${t.name ? `:${t.name}` : ''}=${t.url}`;
  });
  const num = (n: number | undefined) => (n === undefined ? undefined : String(n));
  const minScore = c.minScore === undefined ? [] : typeof c.minScore === 'number' ? [String(c.minScore)] : Object.entries(c.minScore).map(([k, v]) => `${k}=${v}`);
  const opts: RunOptions & GateFlags = {
    target,
    seed: num(c.seed),
    runs: num(c.runs),
    workers: num(c.workers),
    rps: num(c.rps),
    safe: c.safe,
    grep: c.grep,
    reportDir: c.reportDir === undefined ? undefined : resolve(dir, c.reportDir),
    baseline: c.baseline === undefined ? undefined : resolve(dir, c.baseline),
    minScore,
  };
  return Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) as RunOptions & GateFlags;
}

/** Flags given on the command line win, key by key; a repeatable flag given once replaces the file's list. */
export function mergeOptions(file: RunOptions & GateFlags, flags: RunOptions & GateFlags): RunOptions & GateFlags {
  const out: Record<string, unknown> = { ...file };
  for (const [k, v] of Object.entries(flags)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as RunOptions & GateFlags;
}

/**
 * The run's options: the config file found like Playwright's (or --config) under the flags.
 * Its targets' credentials are set in `env` for this run, where each provider's credential
 * chain reads them (cli/preflight.ts, then the workers). Throws ConfigError (exit 2).
 */
export async function runOptionsWithConfig(flags: RunFlags, env: NodeJS.ProcessEnv = process.env): Promise<{ opts: RunOptions & GateFlags; file?: string }> {
  const { config: given, ...rest } = flags;
  const file = findConfig(given);
  if (!file) return { opts: rest };
  const config = await loadConfig(file, env);
  let fromFile: RunOptions & GateFlags;
  try {
    fromFile = optionsFromConfig(config, dirname(file));
  } catch (e) {
    throw new ConfigError(`${file.split(/[/\\]/).pop()}: ${(e as Error).message}`);
  }
  // --target on the command line replaces the file's targets, and with them their credentials.
  if (!rest.target?.length) for (const t of config.targets ?? []) Object.assign(env, t.credentials ?? {});
  return { opts: mergeOptions(fromFile, rest), file };
}
