import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwsCredentials } from '../../suites/support/signing/aws-sigv4.ts';
import type { BenchConfig } from '../config.ts';
import { awsCycle, awsDeleteUnknown } from '../load/aws-iot.ts';
import { azureCycle } from '../load/azure-keyvault.ts';
import { measure, type LoadResult, type Workload } from '../load/measure.ts';
import { reset, startBare, startMock, type Endpoint, type Servers } from '../servers/servers.ts';
import { loadRows, type Measured } from './throughput-rows.ts';

type Kind = 'bare' | 'mock' | 'prism' | 'state' | 'durable';

/** One load against one server; a stateful one is reset first so every load starts empty. */
async function load(kind: Kind, e: Endpoint, workload: Workload, cfg: BenchConfig): Promise<LoadResult> {
  const opts = { connections: cfg.connections, ca: e.ca };
  const stateful = kind !== 'bare' && kind !== 'prism';
  // The bare server answers 200 `{}` to everything: the ceiling for the same bytes on the wire.
  if (kind === 'bare') workload = { ...workload, expected: [200] };
  if (cfg.warmup > 0) {
    if (stateful) await reset(e);
    await measure(e.url, workload, { ...opts, duration: cfg.warmup });
  }
  if (stateful) await reset(e);
  const r = await measure(e.url, workload, { ...opts, duration: cfg.duration });
  console.error(`  ${workload.name.padEnd(42)} ${kind.padEnd(8)} ${r.rps.toFixed(0).padStart(6)} req/s  p99 ${r.p99} ms${r.unexpected ? `  ${r.unexpected} unexpected (${JSON.stringify(r.statuses)})` : ''}`);
  return r;
}

const creds = (e: Endpoint): AwsCredentials => ({ accessKeyId: e.credentials.accessKeyId!, secretAccessKey: e.credentials.secretAccessKey! });

/**
 * Mock throughput and latency (DESIGN.md §7), side by side in one run: each workload against
 * the bare server (the ceiling), the stateful mock, Prism, and for aws-iot the mock with
 * --state and --state --durable. Every server runs in its own process.
 */
export async function throughput(cfg: BenchConfig) {
  const dir = mkdtempSync(join(tmpdir(), 'certconform-bench-'));
  const started: Servers[] = [];
  const start = async (p: Promise<Servers>) => (started.push(await p), started.at(-1)!.endpoints);
  try {
    const [http, https] = [await start(startBare(false)), await start(startBare(true))];
    const mock = await start(startMock(['aws-iot', 'azure-keyvault']));
    const prism = await start(startMock(['aws-iot', 'azure-keyvault'], ['--engine', 'prism']));
    const state = await start(startMock(['aws-iot'], ['--state', join(dir, 'state.json')]));
    const durable = await start(startMock(['aws-iot'], ['--state', join(dir, 'durable.json'), '--durable']));
    const aws = mock['aws-iot']!;
    const cycle = (e: Endpoint) => awsCycle(e.url, creds(aws), cfg.connections);
    const m: Measured = {
      awsCycle: {
        bare: await load('bare', http.bare!, await cycle(http.bare!), cfg),
        mock: await load('mock', aws, await cycle(aws), cfg),
        prism: await load('prism', prism['aws-iot']!, await cycle(prism['aws-iot']!), cfg),
        state: await load('state', state['aws-iot']!, await cycle(state['aws-iot']!), cfg),
        durable: await load('durable', durable['aws-iot']!, await cycle(durable['aws-iot']!), cfg),
      },
      awsError: {
        bare: await load('bare', http.bare!, await awsDeleteUnknown(http.bare!.url, creds(aws)), cfg),
        mock: await load('mock', aws, await awsDeleteUnknown(aws.url, creds(aws)), cfg),
        prism: await load('prism', prism['aws-iot']!, await awsDeleteUnknown(prism['aws-iot']!.url, creds(aws), true), cfg),
      },
      azureCycle: {
        bare: await load('bare', https.bare!, await azureCycle(https.bare!.url, cfg.connections), cfg),
        mock: await load('mock', mock['azure-keyvault']!, await azureCycle(mock['azure-keyvault']!.url, cfg.connections), cfg),
        prism: await load('prism', prism['azure-keyvault']!, await azureCycle(prism['azure-keyvault']!.url, cfg.connections), cfg),
      },
    };
    return loadRows(m, cfg);
  } finally {
    await Promise.all(started.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}
