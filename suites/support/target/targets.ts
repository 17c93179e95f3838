import { PROVIDERS, isProvider, type Provider } from '../../../lib/providers.ts';
import { SetupError } from '../verdict/failure.ts';
import { clockOf } from './clock.ts';
import { resolveCredentials } from './credentials/index.ts';

/** Where one provider's implementation under test listens, and how to authenticate to it. */
export interface Target {
  provider: Provider;
  /** `mock`, `prism`, or the name given with --target (report rows and project names). */
  name: string;
  url: string;
  /** PEM file to trust for https (the built-in mock's own CA). */
  caFile?: string;
  credentials: Record<string, string>;
  /** Alibaba: the MQTT broker devices enrol on (a target without one cannot enrol devices). */
  mqtt?: { url: string; caFile?: string; instanceId?: string };
  /** A movable clock: the URL that takes POST {"advanceMs": n} (clock.ts). */
  clock?: string;
  /** Where the credentials came from, by name, never the secret (`profile dev (shared credentials file), ...`). */
  credentialSource?: string;
}

export const TARGETS_ENV = 'CERTCONFORM_TARGETS';

/** One entry of CERTCONFORM_TARGETS as given (credentials not resolved yet). */
export interface TargetEntry extends Partial<Omit<Target, 'provider'>> {
  provider: Provider;
  /** Regex sources: the project runs only the tests whose title and tags match (and not grepInvert). */
  grep?: string;
  grepInvert?: string;
  /** At most this many workers for the project (a mutant: 1, so one worker serves all its tests). */
  workers?: number;
}

/**
 * CERTCONFORM_TARGETS in either form: a JSON object provider -> {name, url, credentials?,
 * caFile?, mqtt?, clock?} (what `certconform run` and the global setup write; the built-in mock's
 * --json lines have this shape), or a JSON array of {provider, name, url, ..., grep?,
 * grepInvert?} for several targets per provider (`certconform mutants`: one per mutant).
 */
export function targetEntries(env: NodeJS.ProcessEnv = process.env): TargetEntry[] {
  const raw = env[TARGETS_ENV];
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    throw new SetupError(`${TARGETS_ENV} is not JSON: ${(e as Error).message}`);
  }
  const entries = Array.isArray(parsed)
    ? (parsed as Record<string, unknown>[])
    : Object.entries(parsed as Record<string, Record<string, unknown>>).map(([provider, t]): Record<string, unknown> => ({ ...t, provider }));
  const names = new Set<string>();
  return entries.map((t) => {
    const p = String(t.provider);
    if (!isProvider(p)) throw new SetupError(`${TARGETS_ENV}: unknown provider '${p}' (known: ${PROVIDERS.join(', ')})`);
    const key = `${p}@${String(t.name ?? 'target')}`;
    if (names.has(key)) throw new SetupError(`${TARGETS_ENV}: two targets named ${key}`);
    names.add(key);
    return { ...t, provider: p } as TargetEntry;
  });
}

/** The entry checked and completed (credentials already resolved): what the suites work with. */
export function describe(t: TargetEntry, credentials: Record<string, string>, credentialSource: string, env: NodeJS.ProcessEnv = process.env): Target {
  const p = t.provider;
  const mqtt = t.mqtt ?? (p === 'alibaba-mqtt' && env.ALIBABA_MQTT_BROKER ? { url: env.ALIBABA_MQTT_BROKER, caFile: env.ALIBABA_MQTT_CA_FILE } : undefined);
  const clock = clockOf({ provider: p, clock: t.clock }, env);
  return { provider: p, name: t.name ?? 'target', url: checkedUrl(t), caFile: t.caFile, credentials, credentialSource, mqtt, ...(clock ? { clock } : {}) };
}

function checkedUrl(t: TargetEntry): string {
  if (!t.url || !/^https?:\/\//.test(t.url)) throw new SetupError(`${TARGETS_ENV}: ${t.provider} needs an http(s) url, got '${t.url ?? ''}'`);
  return t.url.replace(/\/+$/, '');
}

/**
 * An entry with its credentials: its own when complete (what `certconform run` resolved once in
 * its main process, or the built-in mock's), else from the provider's chain (credentials/).
 * Azure's chain needs the scope of the vault's challenge: a bare probe asks for it.
 */
export async function resolveEntry(t: TargetEntry, env: NodeJS.ProcessEnv = process.env): Promise<{ target: Target; hint: string }> {
  const url = checkedUrl(t);
  // Loaded only when asked: the Playwright config imports this file in every process.
  const challenge = async () => {
    const [{ PREFLIGHT_TIMEOUT_MS, probeRequest }, { send }] = await Promise.all([import('./preflight.ts'), import('../http/transport.ts')]);
    const bare = probeRequest({ provider: t.provider, url, credentials: t.credentials ?? {} });
    return (await send(bare, { caFile: t.caFile, timeoutMs: PREFLIGHT_TIMEOUT_MS })).headers['www-authenticate'];
  };
  const r = await resolveCredentials({ ...t, url }, challenge);
  return { target: describe(t, r.credentials, r.source, env), hint: r.hint };
}

/** The target of a provider; `name` (a project's metadata.target) picks one where a provider has several. */
export async function targetFor(p: Provider, env: NodeJS.ProcessEnv = process.env, name?: string): Promise<Target> {
  const mine = targetEntries(env).filter((t) => t.provider === p);
  const t = mine.length > 1 && name !== undefined ? mine.find((x) => (x.name ?? 'target') === name) : mine[0];
  if (!t) throw new SetupError(`no target for ${p}${name ? ` named '${name}'` : ''}: run through \`certconform run\`, or set ${TARGETS_ENV}`);
  return (await resolveEntry(t, env)).target;
}
