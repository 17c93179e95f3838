import { expect, test } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../lib/paths.ts';
import { freePort } from '../../lib/net/free-port.ts';

const BIN = join(ROOT, 'bin', 'certconform.mjs');

/** Runs `certconform mock` as a user would and reads its JSON lines until `count` arrived. */
function startMock(args: string[], count: number) {
  const child = spawn(process.execPath, [BIN, 'mock', '--json', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const lines = new Promise<Record<string, unknown>[]>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const got = out.split('\n').filter((l) => l.startsWith('{'));
      if (got.length >= count) resolve(got.map((l) => JSON.parse(l)));
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  return { child, lines };
}

test('prism engine: one JSON line per provider, serves the spec, stops cleanly on SIGTERM', async () => {
  test.setTimeout(60_000);
  const base = (await freePort()) - 3; // huawei-scm takes base+3
  const { child, lines } = startMock(['--engine', 'prism', '--port-base', String(base), 'huawei-scm'], 1);
  const [line] = await lines;
  expect(line).toMatchObject({ provider: 'huawei-scm', url: `http://127.0.0.1:${base + 3}` });
  const res = await fetch(`${line!.url}/v3/scm/certificates/scs0000000000001`, { method: 'DELETE', headers: { 'x-auth-token': 't'.repeat(40) } });
  expect(res.status).toBe(204);
  const exited = new Promise<number | null>((r) => child.on('exit', r));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
});

test('a port in use is a usage error naming the port and provider', async () => {
  const blocker = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => blocker.once('listening', r));
  const port = (blocker.address() as { port: number }).port;
  const r = spawnSync(process.execPath, [BIN, 'mock', '--engine', 'prism', '--port-base', String(port), 'aws-iot'], { encoding: 'utf8', timeout: 30_000 });
  blocker.close();
  expect(r.status).toBe(2);
  expect(r.stderr).toContain(`port ${port} (aws-iot) is in use`);
});

test('bad usage exits 2 with a sentence saying what to fix', () => {
  const engine = spawnSync(process.execPath, [BIN, 'mock', '--engine', 'magic'], { encoding: 'utf8' });
  expect(engine.status).toBe(2);
  expect(engine.stderr).toContain('--engine must be stateful or prism');
  const provider = spawnSync(process.execPath, [BIN, 'mock', 'gcp-cas'], { encoding: 'utf8' });
  expect(provider.status).toBe(2);
  expect(provider.stderr).toContain("unknown provider 'gcp-cas'");
  const delay = spawnSync(process.execPath, [BIN, 'mock', 'azure-keyvault', '--port-base', '0', '--deleted-visible-after', 'soon'], { encoding: 'utf8' });
  expect(delay.status).toBe(2);
  expect(delay.stderr).toContain('--deleted-visible-after must be milliseconds');
  const retention = spawnSync(process.execPath, [BIN, 'mock', 'azure-keyvault', '--port-base', '0', '--retention-days', '6'], { encoding: 'utf8' });
  expect(retention.status).toBe(2);
  expect(retention.stderr).toContain('--retention-days must be a whole number of days from 7 to 90');
  const lint = spawnSync(process.execPath, [BIN, 'lint', 'no/such.yaml'], { encoding: 'utf8' });
  expect(lint.status).toBe(2);
});

test('stateful engine on free ports: all four JSON lines, alibaba with its MQTT listener and CA file', async () => {
  const { child, lines } = startMock(['--port-base', '0'], 4);
  const got = await lines;
  expect(got.map((l) => l.provider)).toEqual(['aws-iot', 'azure-keyvault', 'alibaba-mqtt', 'huawei-scm']);
  const alibaba = got[2] as { mqtt: { url: string; caFile: string; instanceId: string } };
  expect(alibaba.mqtt.url).toMatch(/^mqtts:\/\/127\.0\.0\.1:\d+$/);
  expect(existsSync(alibaba.mqtt.caFile)).toBe(true);
  expect(got[1]).toMatchObject({ url: expect.stringMatching(/^https:/), caFile: expect.any(String) });
  const exited = new Promise<number | null>((r) => child.on('exit', r));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
});

test('--port serves one provider on that port; with several providers it is a usage error', async () => {
  test.setTimeout(60_000);
  const port = await freePort();
  const { child, lines } = startMock(['--port', String(port), 'huawei-scm'], 1);
  const [line] = await lines;
  expect(line).toMatchObject({ provider: 'huawei-scm', url: `http://127.0.0.1:${port}` });
  const exited = new Promise<number | null>((r) => child.on('exit', r));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  const several = spawnSync(process.execPath, [BIN, 'mock', '--port', String(port), 'aws-iot', 'huawei-scm'], { encoding: 'utf8', timeout: 30_000 });
  expect(several.status).toBe(2);
  expect(several.stderr.trim()).toBe('certconform mock: --port serves one provider; for 2 listeners use --port-base');
  const bad = spawnSync(process.execPath, [BIN, 'mock', '--port', 'x', 'huawei-scm'], { encoding: 'utf8', timeout: 30_000 });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain("--port must be a port number (0: a free port), got 'x'");
});
