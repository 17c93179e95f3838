import { PROVIDERS, isProvider, type Provider } from '../../../lib/providers.ts';
import { send } from '../http/transport.ts';
import { SetupError } from '../verdict/failure.ts';
import type { Target } from './targets.ts';

/**
 * "Movable clock", an opt-in capability of a target (the built-in mock, an emulator; a real
 * cloud never has it). Wire contract: `POST <clock URL>` with the JSON body `{"advanceMs": n}`
 * (n a non-negative integer) moves the target's clock n ms forward for every later request; a
 * 2xx answer says it moved. No credentials are sent to it. A target names its clock URL in its
 * description (`clock` in CERTCONFORM_TARGETS: the built-in mock prints it) or through
 * CERTCONFORM_CLOCK=`provider=URL[,provider=URL]` (README "Running against other implementations").
 */
export const CLOCK_ENV = 'CERTCONFORM_CLOCK';

/** Every provider=URL pair of CERTCONFORM_CLOCK; a malformed value is a setup error. */
export function clockUrls(env: NodeJS.ProcessEnv = process.env): Partial<Record<Provider, string>> {
  const out: Partial<Record<Provider, string>> = {};
  for (const pair of (env[CLOCK_ENV] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([a-z-]+)=(https?:\/\/\S+)$/.exec(pair);
    if (!m) throw new SetupError(`${CLOCK_ENV} takes provider=URL pairs (an http(s) URL), got '${pair}'`);
    const [, p, url] = m as unknown as [string, string, string];
    if (!isProvider(p)) throw new SetupError(`${CLOCK_ENV}: unknown provider '${p}' (known: ${PROVIDERS.join(', ')})`);
    out[p] = url;
  }
  return out;
}

const clockFromEnv = (p: Provider, env: NodeJS.ProcessEnv = process.env): string | undefined => clockUrls(env)[p];

/** Checks a clock URL from a target description (http or https only). */
function checkedClockUrl(p: Provider, url: unknown): string | undefined {
  if (url === undefined) return undefined;
  if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url)) throw new SetupError(`${p}: the target's clock must be an http(s) URL, got '${String(url)}'`);
  return url;
}

/** A target's clock URL: its own description's, else CERTCONFORM_CLOCK's for its provider. */
export const clockOf = (t: { provider: Provider; clock?: unknown }, env: NodeJS.ProcessEnv = process.env): string | undefined =>
  checkedClockUrl(t.provider, t.clock) ?? clockFromEnv(t.provider, env);

/** Whether a target (as CERTCONFORM_TARGETS describes it, or the built-in mock) has a movable clock. */
export const hasClock = (t: { provider: Provider; clock?: unknown }, env: NodeJS.ProcessEnv = process.env): boolean => clockOf(t, env) !== undefined;

/**
 * Moves the target's clock `ms` forward. A clock that refuses is a setup problem (the harness
 * cannot reach the state the rule speaks of), never a conformance verdict.
 */
export async function advanceClock(target: Target, ms: number): Promise<void> {
  if (!target.clock) throw new SetupError(`${target.provider}@${target.name} has no movable clock`);
  const advanceMs = Math.ceil(ms);
  const url = new URL(target.clock);
  // The target's own CA (the built-in mock's) is trusted for its own origin only.
  const caFile = url.origin === new URL(target.url).origin ? target.caFile : undefined;
  const body = JSON.stringify({ advanceMs });
  const res = await send({ method: 'POST', url: url.href, headers: { 'content-type': 'application/json' }, body }, { caFile });
  if (res.status < 200 || res.status > 299) throw new SetupError(`POST ${url.origin}${url.pathname} {"advanceMs":${advanceMs}} answered ${res.status}: the target's clock did not move`);
}
