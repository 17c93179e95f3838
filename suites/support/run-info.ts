import { randomBytes } from 'node:crypto';
import { defaultReportDir } from '../../lib/paths.ts';
import { reachedByFrom, type ReachedBy } from './replay.ts';

/**
 * The run's parameters, passed from `certconform run` (or the global setup) to every worker
 * through the environment: one seed and run id for the whole run, so a report names them once.
 */
export interface RunInfo {
  runId: string;
  seed: number;
  /** fast-check replay path of a failure (with the seed, replays exactly that case). */
  path?: string;
  runs: number;
  reportDir: string;
  safe: boolean;
  /** How the run reached its targets, for replay commands that reach them the same way. */
  reachedBy: ReachedBy;
  /** `run --record DIR` (or --compare): every test's exchanges go there, normalised; curl lines when comparing. */
  record?: { dir: string; curl: boolean };
}

export function runInfo(env: NodeJS.ProcessEnv = process.env): RunInfo {
  const seed = env.CERTCONFORM_SEED !== undefined ? Number(env.CERTCONFORM_SEED) : Date.now() % 2 ** 31;
  if (!Number.isInteger(seed)) throw new Error(`CERTCONFORM_SEED must be an integer, got '${env.CERTCONFORM_SEED}'`);
  const runs = Number(env.CERTCONFORM_RUNS ?? 25);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`CERTCONFORM_RUNS must be a positive integer, got '${env.CERTCONFORM_RUNS}'`);
  return {
    runId: env.CERTCONFORM_RUN_ID ?? `r${Date.now().toString(36)}${randomBytes(2).toString('hex')}`,
    seed,
    path: env.CERTCONFORM_PATH || undefined,
    runs,
    reportDir: env.CERTCONFORM_REPORT_DIR ?? defaultReportDir(),
    safe: env.CERTCONFORM_SAFE === '1',
    reachedBy: reachedByFrom(env),
    ...(env.CERTCONFORM_RECORD_DIR ? { record: { dir: env.CERTCONFORM_RECORD_DIR, curl: env.CERTCONFORM_RECORD_CURL === '1' } } : {}),
  };
}
