import { SetupError } from '../verdict/failure.ts';
import { PREFLIGHT_TIMEOUT_MS, preflight } from './preflight.ts';
import { socketSentence } from './preflight-sentences.ts';
import { resolveEntry, type Target, type TargetEntry } from './targets.ts';

/**
 * How the Playwright runner ends when the global setup's preflight of the built-in mock fails
 * (EX_CONFIG of sysexits.h): distinct from Playwright's own codes, so `certconform run` knows
 * the sentence was printed and exits 2 without a word more.
 */
export const PREFLIGHT_FAILED_EXIT = 78;

export interface ReadyOptions {
  /** How the calling command trusts a private CA (the TLS sentence names it). */
  caHint: string;
  timeoutMs?: number;
}

/**
 * A target entry made ready for a run: credentials from its provider's chain (credentials/),
 * then the preflight. Anything that stops it (no credentials, unreachable, TLS, refused) is a
 * SetupError whose message is the one sentence to print.
 */
export async function readyTarget(entry: TargetEntry, opts: ReadyOptions): Promise<Target> {
  const timeoutMs = opts.timeoutMs ?? PREFLIGHT_TIMEOUT_MS;
  const label = `${entry.provider}@${entry.name ?? 'target'}`;
  let resolved: Awaited<ReturnType<typeof resolveEntry>>;
  try {
    resolved = await resolveEntry(entry);
  } catch (e) {
    const socket = (e as { code?: unknown }).code !== undefined || (e as { timedOut?: boolean }).timedOut;
    if (socket && entry.url) throw new SetupError(socketSentence({ label, origin: new URL(entry.url).origin, caHint: opts.caHint }, e, timeoutMs));
    if (e instanceof SetupError) throw e;
    throw new SetupError(`${label}: ${(e as Error).message.split('\n')[0]}`);
  }
  const { target, hint } = resolved;
  const refused = await preflight(target, { hint, source: target.credentialSource ?? 'unknown source', caHint: opts.caHint, timeoutMs });
  if (refused) throw new SetupError(refused);
  return target;
}

/** Every entry at once; the first failure in the entries' order wins (one sentence). */
export async function readyTargets(entries: TargetEntry[], opts: ReadyOptions): Promise<Target[]> {
  const settled = await Promise.allSettled(entries.map((e) => readyTarget(e, opts)));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return settled.map((s) => (s as PromiseFulfilledResult<Target>).value);
}
