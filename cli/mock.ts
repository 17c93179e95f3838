import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROVIDERS, parseProvider, type Provider } from '../lib/providers.ts';
import { parseFaults } from '../mock/host/faults.ts';
import { serve } from '../mock/host/server.ts';
import { startPrismFront } from '../mock/prism-front.ts';
import { startMqttListener } from '../mock/providers/alibaba-mqtt/mqtt.ts';
import { DEFAULT_INSTANCE_ID, type MqttState } from '../mock/providers/alibaba-mqtt/state.ts';
import type { ProviderModule } from '../mock/host/types.ts';
import { loadProvider } from '../mock/providers/index.ts';
import { makeTlsMaterial } from '../mock/tls.ts';

export interface MockOptions {
  engine: string;
  host: string;
  portBase: string;
  json?: boolean;
  strict?: boolean;
  faults?: string;
  /** Azure: the deleted store shows a deletion only after this many ms (eventual consistency). */
  deletedVisibleAfter?: string;
  /** A mutant of the stateful engine (mock/mutants/): one deliberate deviation from one rule. */
  mutant?: string;
}

interface Listening {
  provider: Provider;
  url: string;
  credentials?: Record<string, string>;
  caFile?: string;
  /** Alibaba: the MQTT-over-TLS listener where devices enrol on first connect. */
  mqtt?: { url: string; caFile: string; instanceId: string };
  close(): Promise<void>;
}

export class UsageError extends Error {}

async function startOne(p: Provider, port: number, opts: MockOptions, caFile: () => Promise<{ file: string; tls: { key: string; cert: string } }>): Promise<Listening> {
  const module = p === 'azure-keyvault' && opts.deletedVisibleAfter ? await azureWithDelay(opts.deletedVisibleAfter) : await loadProvider(p);
  const tls = module.tls ? await caFile() : undefined;
  if (opts.engine === 'prism') {
    // Same port, TLS and printed credentials as the stateful engine: Prism checks no
    // signature, but the same client configuration then works against both engines.
    const front = await startPrismFront(module, { host: opts.host, port, tls: tls?.tls });
    return { provider: p, url: front.url, credentials: module.credentials, caFile: tls?.file, close: front.close };
  }
  const faults = opts.faults ? parseFaults(opts.faults) : undefined;
  const mutated = opts.mutant ? await mutate(module, opts.mutant) : { module, spec: undefined };
  const served = await serve(mutated.module, { host: opts.host, port, strict: opts.strict, tls: tls?.tls, faults, spec: mutated.spec });
  const listening: Listening = { provider: p, url: served.url, credentials: module.credentials, caFile: tls?.file, close: served.close };
  if (p !== 'alibaba-mqtt') return listening;
  // Devices enrol over MQTT (a free port: the HTTP ports keep the documented base+i order).
  const mqtt = await startMqttListener({ state: () => served.state as MqttState, host: opts.host }).catch(async (e) => {
    await served.close();
    throw e;
  });
  const mqttCa = writeTemp(`mqtt-ca-${process.pid}.pem`, mqtt.caPem);
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

async function azureWithDelay(ms: string) {
  if (!/^\d+$/.test(ms)) throw new UsageError(`--deleted-visible-after must be milliseconds, got '${ms}'`);
  const { createAzureKeyVault } = await import('../mock/providers/azure-keyvault/index.ts');
  return createAzureKeyVault({ deletedVisibleAfterMs: Number(ms) }) as ProviderModule<unknown>;
}

function writeTemp(name: string, content: string): string {
  const dir = join(tmpdir(), 'certconform-mock');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** Starts the mock for the given providers; resolves with the listeners once all are ready. */
export async function startMock(names: string[], opts: MockOptions): Promise<Listening[]> {
  const mutantOf = opts.mutant?.split('/')[0];
  const providers = (names.length ? names : mutantOf ? [mutantOf] : [...PROVIDERS]).map(parseProvider);
  if (opts.mutant) {
    if (opts.engine !== 'stateful') throw new UsageError('--mutant mutates the stateful engine; it does not combine with --engine prism');
    if (providers.length !== 1 || providers[0] !== mutantOf) throw new UsageError(`--mutant ${opts.mutant} is a ${mutantOf} mutant: start ${mutantOf} alone (or name no provider)`);
    const { findMutant } = await import('../mock/mutants/index.ts');
    try {
      findMutant(opts.mutant);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  if (!['stateful', 'prism'].includes(opts.engine)) throw new UsageError(`--engine must be stateful or prism, got '${opts.engine}'`);
  const base = Number(opts.portBase);
  if (!Number.isInteger(base) || base < 0 || base + PROVIDERS.length > 65535) throw new UsageError(`--port-base must be a port number (0: any free ports), got '${opts.portBase}'`);
  let material: Promise<{ file: string; tls: { key: string; cert: string } }> | undefined;
  const caFile = () =>
    (material ??= makeTlsMaterial().then((m) => ({ file: writeTemp(`ca-${process.pid}.pem`, m.caPem), tls: { key: m.keyPem, cert: m.certPem } })));
  const started: Listening[] = [];
  try {
    for (const p of providers) {
      // fixed order: aws-iot, azure-keyvault, alibaba-mqtt, huawei-scm; base 0 = free ports
      const port = base === 0 ? 0 : base + PROVIDERS.indexOf(p);
      try {
        started.push(await startOne(p, port, opts, caFile));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || /EADDRINUSE|address already in use/.test(String((e as Error).message))) {
          throw new UsageError(`port ${port} (${p}) is in use: stop what listens there or choose another --port-base`);
        }
        throw e;
      }
    }
  } catch (e) {
    await Promise.all(started.map((s) => s.close()));
    throw e;
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
    const line = { provider: s.provider, url: s.url, credentials: s.credentials ?? {}, ...(s.caFile ? { caFile: s.caFile } : {}), ...(s.mqtt ? { mqtt: s.mqtt } : {}) };
    if (opts.json) console.log(JSON.stringify(line));
    else console.log(`${s.provider.padEnd(15)} ${s.url.padEnd(26)} ${Object.entries(line.credentials).map(([k, v]) => `${k}=${v}`).join(' ')}${s.caFile ? ` ca=${s.caFile}` : ''}${s.mqtt ? ` mqtt=${s.mqtt.url}` : ''}`);
  }
  const control = opts.engine === 'stateful' ? '; control API under /__certconform/ on each port' : ' (stateless: no control API)';
  if (!opts.json) console.log(`certconform mock (${opts.engine}) ready${control}; Ctrl-C stops`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await Promise.all(started.map((s) => s.close()));
  return 0;
}
