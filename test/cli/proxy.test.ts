import { expect, test } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeCertificateCommand, IoTClient, ListCertificatesCommand } from '@aws-sdk/client-iot';
import { ROOT } from '../../lib/paths.ts';

/**
 * `certconform proxy` as a user runs it: requests reach the upstream as sent, answers come
 * back from the upstream, and every contract violation Prism finds is printed and appended
 * to proxy-violations.ndjson without any secret in it.
 */
const BIN = join(ROOT, 'bin', 'certconform.mjs');

/** Starts a certconform command with --json and resolves with its first JSON line. */
function startJson(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { out: '', err: '' };
  child.stderr!.on('data', (d) => (output.err += d));
  const line = new Promise<Record<string, string>>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      output.out += d;
      const first = output.out.split('\n').find((l) => l.startsWith('{'));
      if (first) resolve(JSON.parse(first));
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} exited ${code}: ${output.err}`)));
  });
  return { child, line, output };
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((r) => child.on('exit', r));
  child.kill('SIGTERM');
  return exited;
}

const ndjson = (dir: string) => {
  const file = join(dir, 'proxy-violations.ndjson');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
};

test('huawei-scm in front of the stateful mock: forwards, answers from upstream, reports violations without secrets', async () => {
  test.setTimeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'certconform-proxy-'));
  const upstream = startJson(['mock', 'huawei-scm', '--port-base', '0']);
  const up = await upstream.line;
  const proxy = startJson(['proxy', 'huawei-scm', '--upstream', up.url!, '--port', '0', '--report-dir', dir]);
  try {
    const line = await proxy.line;
    expect(line).toEqual({ provider: 'huawei-scm', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), upstream: `${up.url}/` });
    const goodToken = `good-${'T'.repeat(40)}`;
    const ok = await fetch(`${line.url}/v3/scm/certificates?limit=10`, { headers: { 'x-auth-token': goodToken } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id'), 'the answer is the upstream mock\'s').toBeTruthy();
    expect(await ok.json()).toMatchObject({ certificates: [], total_count: 0 });
    expect(ndjson(dir)).toEqual([]);

    const shortToken = 'short-SECRET-tok'; // 16 characters: under the documented 32
    const bad = await fetch(`${line.url}/v3/scm/certificates/scs00000000001`, { method: 'DELETE', headers: { 'x-auth-token': shortToken } });
    expect(bad.status, 'the upstream decided, not Prism').toBe(401);
    expect((await bad.json()).error_code).toBeTruthy();
    const found = ndjson(dir);
    expect(found.map((v) => v.location).sort()).toEqual(['request.header.x-auth-token', 'request.path.certificate_id']);
    for (const v of found) expect(v).toMatchObject({ provider: 'huawei-scm', method: 'DELETE', target: '/v3/scm/certificates/scs00000000001', status: 401, severity: 'Error' });
    const text = readFileSync(join(dir, 'proxy-violations.ndjson'), 'utf8') + proxy.output.out + proxy.output.err;
    expect(text).not.toContain(shortToken);
    expect(text).not.toContain(goodToken);
    expect(proxy.output.err).toContain('request.path.certificate_id');
  } finally {
    expect(await stop(proxy.child)).toBe(0);
    await stop(upstream.child);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('alibaba-mqtt: the upstream receives the original RPC request; request and response violations are reported', async () => {
  test.setTimeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'certconform-proxy-'));
  const seen: { method: string; url: string; body: string }[] = [];
  // A stand-in implementation: answers DeleteCaCertificate, with a wrong body for Sn 'bad'.
  const upstream = createServer(async (req: IncomingMessage, res) => {
    let body = '';
    for await (const c of req) body += c;
    seen.push({ method: req.method!, url: req.url!, body });
    const sn = new URLSearchParams(body).get('Sn');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(sn === 'bad' ? { RequestId: 42 } : { RequestId: 'A-1', Sn: sn }));
  }).listen(0, '127.0.0.1');
  await new Promise((r) => upstream.once('listening', r));
  const upUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  const proxy = startJson(['proxy', 'alibaba-mqtt', '--upstream', upUrl, '--port', '0', '--report-dir', dir]);
  try {
    const { url } = await proxy.line;
    const signature = 'SECRETSIGNATUREvalue=';
    const send = (sn: string) =>
      fetch(`${url}/?Signature=${encodeURIComponent(signature)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ Action: 'DeleteCaCertificate', MqttInstanceId: 'post-cn-0pp1', Sn: sn, Version: '2020-04-20' }).toString(),
      });
    const good = await send('007269004887');
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ RequestId: 'A-1', Sn: '007269004887' });
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.url, 'the upstream sees the RPC wire format, not the pseudo-path').toBe(`/?Signature=${encodeURIComponent(signature)}`);
    expect(seen[0]!.body).toContain('Action=DeleteCaCertificate');
    expect(ndjson(dir)).toEqual([]);

    await send('9'.repeat(129));
    await send('bad');
    const found = ndjson(dir);
    expect(found.find((v) => v.location === 'request.query.sn')).toMatchObject({ action: 'DeleteCaCertificate', status: 200, target: '/?Signature=[REDACTED]' });
    expect(found.some((v) => v.location.startsWith('response.body'))).toBe(true);
    expect(readFileSync(join(dir, 'proxy-violations.ndjson'), 'utf8')).not.toContain('SECRETSIGNATURE');
  } finally {
    expect(await stop(proxy.child)).toBe(0);
    upstream.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('aws-iot with --keep-host: a SigV4-signed SDK call passes through the proxy unchanged and verifies upstream', async () => {
  test.setTimeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'certconform-proxy-'));
  const upstream = startJson(['mock', 'aws-iot', '--port-base', '0']);
  const up = (await upstream.line) as unknown as { url: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  const proxy = startJson(['proxy', 'aws-iot', '--upstream', up.url, '--port', '0', '--keep-host', '--report-dir', dir]);
  try {
    const { url } = await proxy.line;
    const client = new IoTClient({ endpoint: url, region: 'eu-west-1', credentials: up.credentials, maxAttempts: 1 });
    expect((await client.send(new ListCertificatesCommand({}))).certificates).toEqual([]);
    const missing = await client.send(new DescribeCertificateCommand({ certificateId: 'a'.repeat(64) })).catch((e: Error) => e);
    expect((missing as Error).name).toBe('ResourceNotFoundException');
    expect(ndjson(dir)).toEqual([]);
  } finally {
    expect(await stop(proxy.child)).toBe(0);
    await stop(upstream.child);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('usage errors exit 2 with a sentence saying what to fix', async () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'proxy', ...args], { encoding: 'utf8', timeout: 30_000 });
  const provider = run('gcp-cas', '--upstream', 'http://127.0.0.1:1');
  expect(provider.status).toBe(2);
  expect(provider.stderr).toContain("unknown provider 'gcp-cas'");
  const url = run('aws-iot', '--upstream', 'ftp://x');
  expect(url.status).toBe(2);
  expect(url.stderr).toContain('--upstream must be an http(s) base URL');
  expect(run('aws-iot').status, 'no --upstream').toBe(2);
  const blocker = createNetServer().listen(0, '127.0.0.1');
  await new Promise((r) => blocker.once('listening', r));
  const port = (blocker.address() as AddressInfo).port;
  const busy = run('aws-iot', '--upstream', 'http://127.0.0.1:1', '--port', String(port));
  blocker.close();
  expect(busy.status).toBe(2);
  expect(busy.stderr).toContain(`port ${port} is in use`);
});
