import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwsCredentials } from '../../suites/support/signing/aws-sigv4.ts';
import type { BenchConfig } from '../config.ts';
import { awsCycle, awsDeleteUnknown } from '../load/aws-iot.ts';
import { azureCycle } from '../load/azure-keyvault.ts';
import { measure, type LoadResult, type Workload } from '../load/measure.ts';
import { reset, startBare, startMock, startSignedBare, type Endpoint, type Servers } from '../servers/servers.ts';
import { loadRows, type Measured } from './throughput-rows.ts';

type Kind = 'bare' | 'signed' | 'mock' | 'prism' | 'state' | 'durable';

/** Where one server listens and the process serving it. */
interface Server {
  e: Endpoint;
  pid: number;
}

/** One load against one server; a stateful one is reset first so every load starts empty. */
async function load(kind: Kind, { e, pid }: Server, workload: Workload, cfg: BenchConfig): Promise<LoadResult> {
  const opts = { connections: cfg.connections, ca: e.ca, pid };
  const stateful = kind !== 'bare' && kind !== 'signed' && kind !== 'prism';
  // The bare servers answer 200 `{}` to everything: the ceiling for the same bytes on the wire.
  if (kind === 'bare' || kind === 'signed') workload = { ...workload, expected: [200] };
  if (cfg.warmup > 0) {
    if (stateful) await reset(e);
    await measure(e.url, workload, { ...opts, duration: cfg.warmup });
  }
  if (stateful) await reset(e);
  const r = await measure(e.url, workload, { ...opts, duration: cfg.duration });
  const cpu = r.cpuUs === undefined ? '' : `  ${r.cpuUs.toFixed(0).padStart(4)} µs CPU/req`;
  console.error(`  ${workload.name.padEnd(42)} ${kind.padEnd(8)} ${r.rps.toFixed(0).padStart(6)} req/s  p99 ${r.p99} ms${cpu}${r.unexpected ? `  ${r.unexpected} unexpected (${JSON.stringify(r.statuses)})` : ''}`);
  return r;
}

const creds = (e: Endpoint): AwsCredentials => ({ accessKeyId: e.credentials.accessKeyId!, secretAccessKey: e.credentials.secretAccessKey! });

/**
 * Mock throughput and latency (DESIGN.md §7), side by side in one run: each workload against
 * the bare server (the ceiling), the stateful mock, Prism, and for aws-iot the bare server that
 * verifies signatures and the mock with --state and --state --durable. Every server runs in
 * its own process, whose CPU time per request is measured too.
 */
export async function throughput(cfg: BenchConfig) {
  const dir = mkdtempSync(join(tmpdir(), 'certconform-bench-'));
  const started: Servers[] = [];
  const start = async (p: Promise<Servers>) => (started.push(await p), started.at(-1)!);
  const at = (s: Servers, key: string): Server => ({ e: s.endpoints[key]!, pid: s.pid });
  try {
    const [http, https, signed] = [await start(startBare(false)), await start(startBare(true)), await start(startSignedBare())];
    const mock = await start(startMock(['aws-iot', 'azure-keyvault']));
    const prism = await start(startMock(['aws-iot', 'azure-keyvault'], ['--engine', 'prism']));
    const state = await start(startMock(['aws-iot'], ['--state', join(dir, 'state.json')]));
    const durable = await start(startMock(['aws-iot'], ['--state', join(dir, 'durable.json'), '--durable']));
    const aws = at(mock, 'aws-iot');
    const cycle = (s: Server) => awsCycle(s.e.url, creds(aws.e), cfg.connections);
    const unknown = (s: Server, prefer404 = false) => awsDeleteUnknown(s.e.url, creds(aws.e), prefer404);
    const azure = (s: Server) => azureCycle(s.e.url, cfg.connections);
    const [bare, bareTls, verifying] = [at(http, 'bare'), at(https, 'bare'), at(signed, 'bare')];
    const m: Measured = {
      awsCycle: {
        bare: await load('bare', bare, await cycle(bare), cfg),
        signed: await load('signed', verifying, await cycle(verifying), cfg),
        mock: await load('mock', aws, await cycle(aws), cfg),
        prism: await load('prism', at(prism, 'aws-iot'), await cycle(at(prism, 'aws-iot')), cfg),
        state: await load('state', at(state, 'aws-iot'), await cycle(at(state, 'aws-iot')), cfg),
        durable: await load('durable', at(durable, 'aws-iot'), await cycle(at(durable, 'aws-iot')), cfg),
      },
      awsError: {
        bare: await load('bare', bare, await unknown(bare), cfg),
        signed: await load('signed', verifying, await unknown(verifying), cfg),
        mock: await load('mock', aws, await unknown(aws), cfg),
        prism: await load('prism', at(prism, 'aws-iot'), await unknown(at(prism, 'aws-iot'), true), cfg),
      },
      azureCycle: {
        bare: await load('bare', bareTls, await azure(bareTls), cfg),
        mock: await load('mock', at(mock, 'azure-keyvault'), await azure(at(mock, 'azure-keyvault')), cfg),
        prism: await load('prism', at(prism, 'azure-keyvault'), await azure(at(prism, 'azure-keyvault')), cfg),
      },
    };
    return loadRows(m, cfg);
  } finally {
    await Promise.all(started.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}
