import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsCycle, awsDeleteUnknown } from '../load/aws-iot.ts';
import { azureCycle } from '../load/azure-keyvault.ts';
import { measure, type Workload } from '../load/measure.ts';
import { reset, startMock, type Endpoint } from '../servers/servers.ts';
import { selfTimes, type SelfTime } from './cpuprofile.ts';

export const MOCK_WORKLOADS = ['aws-cycle', 'aws-error', 'azure-cycle'] as const;
export type MockWorkload = (typeof MOCK_WORKLOADS)[number];

function workload(name: MockWorkload, e: Endpoint, connections: number): Promise<Workload> {
  const creds = { accessKeyId: e.credentials.accessKeyId!, secretAccessKey: e.credentials.secretAccessKey! };
  if (name === 'aws-cycle') return awsCycle(e.url, creds, connections);
  if (name === 'aws-error') return awsDeleteUnknown(e.url, creds);
  return azureCycle(e.url, connections);
}

/**
 * The mock's hottest path: the mock under one workload with `node --cpu-prof`, stopped
 * cleanly so V8 writes the profile, then its functions by self time.
 */
export async function profileMock(name: MockWorkload, seconds: number, connections = 50): Promise<{ total: number; frames: SelfTime[]; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'certconform-prof-'));
  const provider = name.startsWith('aws') ? 'aws-iot' : 'azure-keyvault';
  const servers = await startMock([provider], [], ['--cpu-prof', '--cpu-prof-dir', dir]);
  try {
    const e = servers.endpoints[provider]!;
    await reset(e);
    const r = await measure(e.url, await workload(name, e, connections), { connections, duration: seconds, ca: e.ca });
    console.error(`profiled ${name}: ${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms, statuses ${JSON.stringify(r.statuses)}`);
  } finally {
    await servers.stop();
  }
  const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!);
  return { ...selfTimes(file), file };
}
