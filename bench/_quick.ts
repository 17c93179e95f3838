import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { awsDeleteUnknown, awsCycle } from './load/aws-iot.ts';
import { measure } from './load/measure.ts';
import { reset, startBare, startMock } from './servers/servers.ts';
const pidOf = (pat: string) => Number(execSync(`pgrep -P ${process.pid}`).toString().trim().split('\n').find((p) => { try { return readFileSync(`/proc/${p}/cmdline`, "utf8").includes(pat); } catch { return false; } }));
const cpu = (pid: number) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return [Number(f[11]) * 10, Number(f[12]) * 10]; }; // ms
const bare = await startBare(false); const bpid = pidOf('bare-server');
const mock = await startMock(['aws-iot']); const mpid = pidOf('certconform.mjs');
const aws = mock.endpoints['aws-iot']!; const b = bare.endpoints.bare!;
const creds = { accessKeyId: aws.credentials.accessKeyId!, secretAccessKey: aws.credentials.secretAccessKey! };
const which = process.argv[2] ?? 'error';
for (let i = 0; i < 2; i++) {
  for (const [k, e, pid] of [['bare', b, bpid], ['mock', aws, mpid]] as const) {
    if (k === 'mock') await reset(e);
    const w = which === 'error' ? await awsDeleteUnknown(e.url, creds) : await awsCycle(e.url, creds, 50);
    const c0 = cpu(pid);
    const r = await measure(e.url, k === 'bare' ? { ...w, expected: [200] } : w, { connections: Number(process.env.C ?? 50), duration: 4 });
    const n = Object.values(r.statuses).reduce((a, x) => a + (x as number), 0);
    console.log(k, r.rps.toFixed(0), 'req/s p99', r.p99, 'user/sys µs/req', ((cpu(pid)[0]! - c0[0]!) * 1000 / n).toFixed(1), ((cpu(pid)[1]! - c0[1]!) * 1000 / n).toFixed(1), JSON.stringify(r.statuses));
  }
}
await bare.stop(); await mock.stop();
