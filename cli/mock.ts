import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROVIDERS, isProvider, parseProvider, type Provider } from '../lib/providers.ts';
import { loadSpec } from '../lib/spec/load.ts';
import { CONTROL_PREFIX } from '../mock/host/control.ts';
import { parseFaults } from '../mock/host/faults.ts';
import { LIMIT_FLAGS, parseLimits, type Limits } from '../mock/host/limits.ts';
import { serve } from '../mock/host/server.ts';
import { startPrismFront } from '../mock/prism-front.ts';
import { startMqttListener } from '../mock/providers/alibaba-mqtt/mqtt.ts';
import { DEFAULT_INSTANCE_ID, type MqttState } from '../mock/providers/alibaba-mqtt/state.ts';
import type { ProviderModule } from '../mock/host/types.ts';
import { loadProvider } from '../mock/providers/index.ts';
import type { StateStore } from '../mock/state/store.ts';
import { makeTlsMaterial } from '../mock/tls.ts';
import { parseVary, type VaryOptions } from '../mock/vary/options.ts';
import { Vary } from '../mock/vary/vary.ts';

/** The limit flags (--max-body-bytes, ...) arrive as strings under the Limits keys. */
export interface MockOptions extends Partial<Record<keyof Limits, string>> {
  engine: string;
  host: string;
  portBase: string;
  /** One provider's port, instead of base+position. */
  port?: string;
  json?: boolean;
  strict?: boolean;
  faults?: string;
  /** Azure: the deleted store shows a deletion only after this many ms (eventual consistency). */
  deletedVisibleAfter?: string;
  /** Azure: soft-delete retention in days, 7..90 (scheduledPurgeDate; CustomizedRecoverable* under 90). */
  retentionDays?: string;
  /**
   * Mutants of the stateful engine (mock/mutants/), each one deliberate deviation from one rule,
   * each served on its own port (a JSON line with a "mutant" member). Repeatable.
   */
  mutant?: string[];
  /** With --mutant: also serve each mutated provider unmutated (the control the runner compares with). */
  control?: boolean;
  /** A JSON fixtures file (mock/state/state.schema.json) loaded at start and kept current. */
  state?: string;
  /** With --state: every acknowledged change is on disk (FILE.log, fsynced) before its reply. */
  durable?: boolean;
  /** Answers vary within the documentation (mock/vary/): true, or `only=status,pages`. */
  vary?: string | boolean;
  varySeed?: string;
  /** With --vary: append each choice's line to this file instead of stderr. */
  varyLog?: string;
}

interface Listening {
  provider: Provider;
  /** Set when this listener serves a mutant instead of the engine. */
  mutant?: string;
  url: string;
  credentials?: Record<string, string>;
  caFile?: string;
  /** Alibaba: the MQTT-over-TLS listener where devices enrol on first connect. */
  mqtt?: { url: string; caFile: string; instanceId: string };
  /** With --vary: the seed, and where the choices are listed. */
  vary?: { seed: number; choices: string };
  close(): Promise<void>;
}

export class UsageError extends Error {}

// The only provider with vault options; every other provider is loaded as is.
const azureOptions = (o: MockOptions) => o.deletedVisibleAfter !== undefined || o.retentionDays !== undefined;
const moduleFor = (p: Provider, opts: MockOptions) => (p === 'azure-keyvault' && azureOptions(opts) ? azureWith(opts) : loadProvider(p));

async function startOne(p: Provider, port: number, opts: MockOptions, caFile: () => Promise<{ file: string; tls: { key: string; cert: string } }>, mutant?: string, store?: StateStore, varied?: VaryOptions): Promise<Listening> {
  let module = await moduleFor(p, opts);
  const vary = varied && new Vary(module, loadSpec(p), varied, varyLog(opts));
  // Azure's eventual consistency, drawn for the seed unless --deleted-visible-after fixes it.
  if (vary?.has('consistency') && p === 'azure-keyvault' && opts.deletedVisibleAfter === undefined) {
    module = await azureWith({ ...opts, deletedVisibleAfter: String(vary.consistencyDelayMs()) });
  }
  const tls = module.tls ? await caFile() : undefined;
  if (opts.engine === 'prism') {
    // Same port, TLS and printed credentials as the stateful engine: Prism checks no
    // signature, but the same client configuration then works against both engines.
    const front = await startPrismFront(module, { host: opts.host, port, tls: tls?.tls });
    return { provider: p, url: front.url, credentials: module.credentials, caFile: tls?.file, close: front.close };
  }
  const faults = opts.faults ? parseFaults(opts.faults) : undefined;
  const mutated = mutant ? await mutate(module, mutant) : { module, spec: undefined };
  const persistence = store?.persistence(p);
  const served = await serve(mutated.module, { host: opts.host, port, strict: opts.strict, tls: tls?.tls, faults, spec: mutated.spec, persistence, limits: parseLimits(opts), vary });
  // The mutated module's credentials: a mutant may advertise one (e.g. a token without a permission).
  const listening: Listening = { provider: p, mutant, url: served.url, credentials: mutated.module.credentials, caFile: tls?.file, close: served.close };
  if (vary) listening.vary = { seed: vary.options.seed, choices: `${served.url}${CONTROL_PREFIX}choices` };
  if (p !== 'alibaba-mqtt') return listening;
  // Devices enrol over MQTT (a free port: the HTTP ports keep the documented base+i order).
  const enrolled = persistence && (() => persistence.persist(served.state, served.ctx, false));
  const mqtt = await startMqttListener({ state: () => served.state as MqttState, host: opts.host, enrolled }).catch(async (e) => {
    await served.close();
    throw e;
  });
  const mqttCa = writeTemp(`mqtt-ca-${process.pid}-${mqtt.url.replace(/\D+/g, '-')}.pem`, mqtt.caPem);
  return {
    ...listening,
    mqtt: { url: mqtt.url, caFile: mqttCa, instanceId: DEFAULT_INSTANCE_ID },
    close: async () => {
      await Promise.all([served.close(), mqtt.close()]);
    },
  };
}

async function mutate(module: ProviderModule<unknown>, name: string) {
  const { findMutant } = await import('../mock/mutants/index.ts');
  const { applyMutant } = await import('../mock/mutants/apply.ts');
  return applyMutant(module, findMutant(name));
}

async function azureWith(opts: MockOptions) {
  const { deletedVisibleAfter: ms = '0', retentionDays: days = '90' } = opts;
  if (!/^\d+$/.test(ms)) throw new UsageError(`--deleted-visible-after must be milliseconds, got '${ms}'`);
  if (!/^\d+$/.test(days) || Number(days) < 7 || Number(days) > 90) throw new UsageError(`--retention-days must be a whole number of days from 7 to 90, got '${days}'`);
  const { createAzureKeyVault } = await import('../mock/providers/azure-keyvault/index.ts');
  return createAzureKeyVault({ deletedVisibleAfterMs: Number(ms), retentionDays: Number(days) }) as ProviderModule<unknown>;
}

let varyStream: ReturnType<typeof createWriteStream> | undefined;
/** Where the choice lines go: stderr, or appended to --vary-log FILE (one stream for all providers). */
function varyLog(opts: MockOptions): ((line: string) => void) | undefined {
  if (!opts.varyLog) return undefined;
  varyStream ??= createWriteStream(opts.varyLog, { flags: 'a' });
  return (line) => void varyStream!.write(`${line}\n`);
}

function writeTemp(name: string, content: string): string {
  const dir = join(tmpdir(), 'certconform-mock');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

/**
 * What to serve: each named provider (default all), or with --mutant each mutant (and with
 * --control its provider unmutated too). Names given with --mutant must be the mutants' providers.
 */
async function servings(names: string[], opts: MockOptions): Promise<{ provider: Provider; mutant?: string }[]> {
  const mutants = opts.mutant ?? [];
  if (!mutants.length) {
    if (opts.control) throw new UsageError('--control serves the unmutated engine beside --mutant ones: give --mutant too');
    return (names.length ? names : [...PROVIDERS]).map((n) => ({ provider: parseProvider(n) }));
  }
  if (opts.engine !== 'stateful') throw new UsageError('--mutant mutates the stateful engine; it does not combine with --engine prism');
  const { findMutant } = await import('../mock/mutants/index.ts');
  for (const m of mutants) {
    try {
      findMutant(m);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  const mutated = [...new Set(mutants.map((m) => m.split('/')[0]!))].map(parseProvider);
  const named = names.map(parseProvider);
  if (named.length && (named.some((p) => !mutated.includes(p)) || mutated.some((p) => !named.includes(p)))) {
    throw new UsageError(`--mutant ${mutants.join(', ')}: name only the mutants' providers (${mutated.join(', ')}), or no provider`);
  }
  if (new Set(mutants).size !== mutants.length) throw new UsageError('a --mutant is given twice');
  return [...(opts.control ? mutated.map((provider) => ({ provider })) : []), ...mutants.map((m) => ({ provider: parseProvider(m.split('/')[0]!), mutant: m }))];
}

/** Starts the mock for the given providers; resolves with the listeners once all are ready. */
export async function startMock(names: string[], opts: MockOptions): Promise<Listening[]> {
  // `--vary aws-iot`: the optional value swallowed a provider name.
  if (typeof opts.vary === 'string' && isProvider(opts.vary)) [names, opts] = [[opts.vary, ...names], { ...opts, vary: true }];
  let varied: VaryOptions | undefined;
  if (opts.vary || opts.varySeed !== undefined || opts.varyLog !== undefined) {
    if (!opts.vary) throw new UsageError('--vary-seed and --vary-log go with --vary: give --vary too');
    if (opts.engine !== 'stateful') throw new UsageError('--vary varies the stateful engine; it does not combine with --engine prism');
    try {
      varied = parseVary(opts.vary, opts.varySeed);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  const wanted = await servings(names, opts);
  if (!['stateful', 'prism'].includes(opts.engine)) throw new UsageError(`--engine must be stateful or prism, got '${opts.engine}'`);
  try {
    parseLimits(opts);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const limitFlags = Object.entries(LIMIT_FLAGS).filter(([k]) => opts[k as keyof Limits] !== undefined).map(([, flag]) => flag);
  if (opts.engine === 'prism' && limitFlags.length) throw new UsageError(`${limitFlags.join(', ')}: limits of the stateful engine; Prism keeps its own`);
  const single = opts.port === undefined ? undefined : Number(opts.port);
  if (single !== undefined) {
    if (!/^\d+$/.test(opts.port!) || single > 65535) throw new UsageError(`--port must be a port number (0: a free port), got '${opts.port}'`);
    if (wanted.length !== 1) throw new UsageError(`--port serves one provider; for ${wanted.length} listeners use --port-base`);
  }
  const base = Number(opts.portBase);
  if (!Number.isInteger(base) || base < 0 || base + PROVIDERS.length > 65535) throw new UsageError(`--port-base must be a port number (0: any free ports), got '${opts.portBase}'`);
  if (base !== 0 && new Set(wanted.map((s) => s.provider)).size !== wanted.length) throw new UsageError('several listeners for one provider (--mutant, --control) need --port-base 0 (free ports)');
  const store = opts.state || opts.durable ? await (await import('./mock-state.ts')).openMockState(opts, wanted.map((w) => w.provider), (p) => moduleFor(p, opts)) : undefined;
  let material: Promise<{ file: string; tls: { key: string; cert: string } }> | undefined;
  const caFile = () =>
    (material ??= makeTlsMaterial().then((m) => ({ file: writeTemp(`ca-${process.pid}.pem`, m.caPem), tls: { key: m.keyPem, cert: m.certPem } })));
  const started: Listening[] = [];
  try {
    for (const { provider: p, mutant } of wanted) {
      // fixed order: aws-iot, azure-keyvault, alibaba-mqtt, huawei-scm; base 0 = free ports
      const port = single ?? (base === 0 ? 0 : base + PROVIDERS.indexOf(p));
      try {
        started.push(await startOne(p, port, opts, caFile, mutant, store, varied));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || /EADDRINUSE|address already in use/.test(String((e as Error).message))) {
          throw new UsageError(`port ${port} (${p}) is in use: stop what listens there or choose another ${single === undefined ? '--port-base' : '--port'}`);
        }
        throw e;
      }
    }
  } catch (e) {
    await Promise.all(started.map((s) => s.close()));
    await store?.close();
    throw e;
  }
  if (store) {
    // With --state, the file is brought up to date once the last listener has closed.
    let open = started.length;
    for (const s of started) {
      const close = s.close;
      s.close = async () => {
        await close();
        if (--open === 0) await store.close();
      };
    }
  }
  return started;
}

/** `certconform mock`: serves until SIGINT/SIGTERM; prints where (JSON lines or a table). */
export async function mockCommand(names: string[], opts: MockOptions): Promise<number> {
  let started: Listening[];
  try {
    started = await startMock(names, opts);
  } catch (e) {
    console.error(`certconform mock: ${(e as Error).message}`);
    return 2;
  }
  for (const s of started) {
    // The stateful engine's clock moves through its control API: the suites' movable-clock capability.
    const clock = opts.engine === 'stateful' ? { clock: `${s.url}${CONTROL_PREFIX}clock` } : {};
    const line = { provider: s.provider, ...(s.mutant ? { mutant: s.mutant } : {}), url: s.url, credentials: s.credentials ?? {}, ...(s.caFile ? { caFile: s.caFile } : {}), ...(s.mqtt ? { mqtt: s.mqtt } : {}), ...clock, ...(s.vary ? { vary: s.vary } : {}) };
    if (opts.json) console.log(JSON.stringify(line));
    else console.log(`${(s.mutant ?? s.provider).padEnd(15)} ${s.url.padEnd(26)} ${Object.entries(line.credentials).map(([k, v]) => `${k}=${v}`).join(' ')}${s.caFile ? ` ca=${s.caFile}` : ''}${s.mqtt ? ` mqtt=${s.mqtt.url}` : ''}`);
  }
  const control = opts.engine === 'stateful' ? '; control API under /__certconform/ on each port' : ' (stateless: no control API)';
  if (!opts.json) console.log(`certconform mock (${opts.engine}) ready${control}; Ctrl-C stops`);
  const seeded = started.find((s) => s.vary)?.vary;
  if (seeded) {
    const where = opts.varyLog ? `in ${opts.varyLog}` : 'here';
    console.error(`certconform mock: answers vary within the documentation, seed ${seeded.seed} (--vary-seed ${seeded.seed} repeats them); each choice is a line ${where}`);
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await Promise.all(started.map((s) => s.close()));
  return 0;
}
