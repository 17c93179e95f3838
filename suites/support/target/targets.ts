import { PROVIDERS, isProvider, type Provider } from '../../../lib/providers.ts';
import { SetupError } from '../verdict/failure.ts';
import { clockOf } from './clock.ts';

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
}

/** The environment variables each provider's credentials come from (README lists them). */
export const CREDENTIAL_ENV: Record<Provider, { need: string[][]; optional: string[] }> = {
  'aws-iot': { need: [['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']], optional: ['AWS_SESSION_TOKEN', 'AWS_REGION'] },
  'azure-keyvault': { need: [['AZURE_KEYVAULT_TOKEN']], optional: [] },
  'alibaba-mqtt': {
    need: [['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_MQTT_INSTANCE_ID']],
    optional: ['ALIBABA_CLOUD_SECURITY_TOKEN', 'ALIBABA_MQTT_BROKER', 'ALIBABA_MQTT_CA_FILE', 'ALIBABA_MQTT_FOREIGN_INSTANCE_ID'],
  },
  // Either AK/SK or a token.
  'huawei-scm': { need: [['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK'], ['HUAWEICLOUD_AUTH_TOKEN']], optional: ['HUAWEICLOUD_SDK_DOMAIN_ID'] },
};

/** Credentials for a target given by URL only, from the provider's usual variables. */
export function credentialsFromEnv(p: Provider, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const { need } = CREDENTIAL_ENV[p];
  if (!need.some((set) => set.every((v) => env[v]))) {
    const sets = need.map((set) => set.join(' and ')).join(', or ');
    throw new SetupError(`${p}: no credentials for the target: set ${sets} (see README "Running against other implementations")`);
  }
  const v = (name: string) => env[name] || undefined;
  const pick = (o: Record<string, string | undefined>) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as Record<string, string>;
  switch (p) {
    case 'aws-iot':
      return pick({ accessKeyId: v('AWS_ACCESS_KEY_ID'), secretAccessKey: v('AWS_SECRET_ACCESS_KEY'), sessionToken: v('AWS_SESSION_TOKEN'), region: v('AWS_REGION') ?? 'us-east-1' });
    case 'azure-keyvault':
      return pick({ bearerToken: v('AZURE_KEYVAULT_TOKEN') });
    case 'alibaba-mqtt':
      return pick({ accessKeyId: v('ALIBABA_CLOUD_ACCESS_KEY_ID'), accessKeySecret: v('ALIBABA_CLOUD_ACCESS_KEY_SECRET'), securityToken: v('ALIBABA_CLOUD_SECURITY_TOKEN'), instanceId: v('ALIBABA_MQTT_INSTANCE_ID'), foreignInstanceId: v('ALIBABA_MQTT_FOREIGN_INSTANCE_ID') });
    case 'huawei-scm':
      return pick({ ak: v('HUAWEICLOUD_SDK_AK'), sk: v('HUAWEICLOUD_SDK_SK'), domainId: v('HUAWEICLOUD_SDK_DOMAIN_ID'), xAuthToken: v('HUAWEICLOUD_AUTH_TOKEN') });
  }
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

function resolve(t: TargetEntry, env: NodeJS.ProcessEnv): Target {
  const p = t.provider;
  if (!t.url || !/^https?:\/\//.test(t.url)) throw new SetupError(`${TARGETS_ENV}: ${p} needs an http(s) url, got '${t.url ?? ''}'`);
  const credentials = t.credentials && Object.keys(t.credentials).length ? t.credentials : credentialsFromEnv(p, env);
  const mqtt = t.mqtt ?? (p === 'alibaba-mqtt' && env.ALIBABA_MQTT_BROKER ? { url: env.ALIBABA_MQTT_BROKER, caFile: env.ALIBABA_MQTT_CA_FILE } : undefined);
  const clock = clockOf({ provider: p, clock: t.clock }, env);
  return { provider: p, name: t.name ?? 'target', url: t.url.replace(/\/+$/, ''), caFile: t.caFile, credentials, mqtt, ...(clock ? { clock } : {}) };
}

/** The first target of each provider (the object form has exactly one). Missing credentials come from the environment. */
export function targetsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<Record<Provider, Target>> {
  const out: Partial<Record<Provider, Target>> = {};
  for (const t of targetEntries(env)) out[t.provider] ??= resolve(t, env);
  return out;
}

/** The target of a provider; `name` (a project's metadata.target) picks one where a provider has several. */
export function targetFor(p: Provider, env: NodeJS.ProcessEnv = process.env, name?: string): Target {
  const mine = targetEntries(env).filter((t) => t.provider === p);
  const t = mine.length > 1 && name !== undefined ? mine.find((x) => (x.name ?? 'target') === name) : mine[0];
  if (!t) throw new SetupError(`no target for ${p}${name ? ` named '${name}'` : ''}: run through \`certconform run\`, or set ${TARGETS_ENV}`);
  return resolve(t, env);
}
