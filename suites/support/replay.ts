import type { Provider } from '../../lib/providers.ts';

/**
 * What a replay command must carry to reach the same target the same way: the `--target` URLs
 * (absent: the built-in mock), the mock's engine, `--runs`, `--rps`, and the variables that
 * choose the account or trust (a profile, a region, an instance, a CA file) with their values;
 * of the variables holding secrets, only the names. `certconform run` writes it into
 * REPLAY_ENV (one JSON value) and every worker reads it back through RunInfo.
 */
export interface ReachedBy {
  targets?: Partial<Record<Provider, string>>;
  engine?: 'prism';
  runs?: number;
  rps?: number;
  /** Non-secret selectors that were set, per provider: `{ AWS_PROFILE: 'dev' }`. */
  env?: Partial<Record<Provider, Record<string, string>>>;
  /** Names (never values) of the secret variables that were set, per provider. */
  secrets?: Partial<Record<Provider, string[]>>;
}

export const REPLAY_ENV = 'CERTCONFORM_REPLAY';

/** Variables that say which account, region, instance or CA a provider's target is reached with. */
const SELECTORS: Record<Provider, string[]> = {
  'aws-iot': ['AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE'],
  'azure-keyvault': ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_AUTHORITY_HOST'],
  'alibaba-mqtt': ['ALIBABA_CLOUD_PROFILE', 'ALIBABA_CLOUD_CREDENTIALS_FILE', 'ALIBABA_MQTT_INSTANCE_ID', 'ALIBABA_MQTT_BROKER', 'ALIBABA_MQTT_CA_FILE', 'ALIBABA_MQTT_FOREIGN_INSTANCE_ID'],
  'huawei-scm': ['HUAWEICLOUD_SDK_PROJECT_ID', 'HUAWEICLOUD_SDK_DOMAIN_ID', 'HUAWEICLOUD_SDK_REGION'],
};
/** Trust and clock settings any target may need. */
const COMMON = ['NODE_EXTRA_CA_CERTS', 'CERTCONFORM_CLOCK'];
const SECRETS: Record<Provider, string[]> = {
  'aws-iot': ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'],
  'azure-keyvault': ['AZURE_KEYVAULT_TOKEN', 'AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PATH'],
  'alibaba-mqtt': ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_SECURITY_TOKEN'],
  'huawei-scm': ['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_AUTH_TOKEN'],
};

/** The replay settings of a run, from its flags and the environment it started in. */
export function reachedByOf(
  flags: { targets: Partial<Record<Provider, string>>; engine?: string; runs?: string; rps?: string },
  env: NodeJS.ProcessEnv,
): ReachedBy {
  const targeted = Object.keys(flags.targets) as Provider[];
  const set = (names: string[]) => names.filter((n) => env[n]);
  const selectors = Object.fromEntries(
    targeted.map((p) => [p, Object.fromEntries(set([...SELECTORS[p], ...COMMON]).map((n) => [n, env[n]!]))] as const).filter(([, v]) => Object.keys(v).length),
  );
  const secrets = Object.fromEntries(targeted.map((p) => [p, set(SECRETS[p])] as const).filter(([, v]) => v.length));
  return {
    ...(targeted.length ? { targets: flags.targets } : {}),
    ...(flags.engine === 'prism' ? { engine: 'prism' as const } : {}),
    ...(flags.runs ? { runs: Number(flags.runs) } : {}),
    ...(flags.rps ? { rps: Number(flags.rps) } : {}),
    ...(Object.keys(selectors).length ? { env: selectors } : {}),
    ...(Object.keys(secrets).length ? { secrets } : {}),
  };
}

export function reachedByFrom(env: NodeJS.ProcessEnv): ReachedBy {
  const raw = env[REPLAY_ENV];
  if (!raw) return {};
  try {
    return JSON.parse(raw) as ReachedBy;
  } catch {
    throw new Error(`${REPLAY_ENV} is not JSON: set by \`certconform run\`, not by hand`);
  }
}

/** A word as the shell reads it back: bare when safe, else in single quotes. */
export const shellWord = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * The command that replays one failure of `provider`, runnable as printed from the project's
 * folder: selectors as an env prefix, then the flags, then a comment naming the secret variables
 * it needs set (their values are never printed).
 */
export function replayCommand(r: ReachedBy, provider: Provider, rest: { seed: number; path: string; grep: string }): string {
  const env = Object.entries(r.env?.[provider] ?? {}).map(([k, v]) => `${k}=${shellWord(v)}`);
  const url = r.targets?.[provider];
  const words = [
    ...env, 'npx', 'certconform', 'run', provider,
    ...(url ? ['--target', shellWord(`${provider}=${url}`)] : []),
    ...(r.engine ? ['--engine', r.engine] : []),
    ...(r.runs ? ['--runs', String(r.runs)] : []),
    ...(r.rps ? ['--rps', String(r.rps)] : []),
    '--seed', String(rest.seed), '--path', shellWord(rest.path), '--grep', shellWord(rest.grep),
  ];
  const secrets = r.secrets?.[provider];
  return `${words.join(' ')}${secrets?.length ? `  # with ${secrets.join(', ')} set` : ''}`;
}
