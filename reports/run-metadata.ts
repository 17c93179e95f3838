import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { INSTALLED, ROOT, specFile } from '../lib/paths.ts';
import type { Provider } from '../lib/providers.ts';

/**
 * The run info the conformance report needs, carried in the Playwright config's `metadata`
 * (run-wide) and each project's `metadata` (spec), not in process.env: blob reports keep the
 * config, so a report merged from shards on another machine still names the run's seed, run id,
 * tool and spec hashes.
 */
export const METADATA_KEY = 'certconform';

export interface SpecInfo {
  file: string;
  version: string;
  sha256: string;
}

export interface RunMetadata {
  tool: { name: string; version: string; gitSha?: string };
  seed?: number;
  runId?: string;
  runs?: number;
  /** `i/n` when the run is one shard of several. */
  shard?: string;
  /** `--safe`: read-only tests only. */
  safe?: boolean;
  /** `--grep`: only the tests it matches. */
  grep?: string;
}

export function specInfo(p: Provider): SpecInfo {
  const text = readFileSync(specFile(p), 'utf8');
  const version = /\n {2}version: '?([^'\n]+)'?/.exec(text)?.[1] ?? '';
  return { file: `specs/${p}.yaml`, version, sha256: createHash('sha256').update(text).digest('hex') };
}

function gitSha(): string | undefined {
  // Installed, the repository around node_modules/certconform is the user's, not certconform's.
  if (INSTALLED) return undefined;
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** Run-wide metadata, computed once in the config's main process from the CERTCONFORM_* variables. */
export function runMetadata(env: NodeJS.ProcessEnv): { [METADATA_KEY]: RunMetadata } {
  const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { name: string; version: string };
  const sha = gitSha();
  const meta: RunMetadata = {
    tool: { name: pkg.name, version: pkg.version, ...(sha ? { gitSha: sha } : {}) },
    ...(env.CERTCONFORM_SEED ? { seed: Number(env.CERTCONFORM_SEED) } : {}),
    ...(env.CERTCONFORM_RUN_ID ? { runId: env.CERTCONFORM_RUN_ID } : {}),
    ...(env.CERTCONFORM_RUNS ? { runs: Number(env.CERTCONFORM_RUNS) } : {}),
    ...(env.CERTCONFORM_SHARD ? { shard: env.CERTCONFORM_SHARD } : {}),
    ...(env.CERTCONFORM_SAFE === '1' ? { safe: true } : {}),
    ...(env.CERTCONFORM_GREP ? { grep: env.CERTCONFORM_GREP } : {}),
  };
  return { [METADATA_KEY]: meta };
}

/** The run metadata from a config's (or a blob's) metadata; undefined if certconform did not set it. */
export function readRunMetadata(metadata: Record<string, unknown> | undefined): RunMetadata | undefined {
  const m = metadata?.[METADATA_KEY];
  return m && typeof m === 'object' ? (m as RunMetadata) : undefined;
}
