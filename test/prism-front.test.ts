import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { ROOT } from '../lib/paths.ts';
import { loadSpec, operation } from '../lib/spec/load.ts';
import { validatorFor } from '../lib/spec/validator.ts';

/**
 * `certconform mock --engine prism` through its front: Alibaba RPC as the clients send it is
 * mapped to the spec's pseudo-paths (mapping errors in Alibaba's dialect), Azure is HTTPS with
 * the printed CA, and the answers are Prism's, from the spec's examples.
 */
const BIN = join(ROOT, 'bin', 'certconform.mjs');

interface Line {
  provider: string;
  url: string;
  credentials: Record<string, string>;
  caFile?: string;
}

let child: ChildProcess;
let lines: Record<string, Line>;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(60_000);
  child = spawn(process.execPath, [BIN, 'mock', '--engine', 'prism', '--port-base', '0', '--json', 'azure-keyvault', 'alibaba-mqtt'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const got = await new Promise<Line[]>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const json = out.split('\n').filter((l) => l.startsWith('{'));
      if (json.length >= 2) resolve(json.map((l) => JSON.parse(l)));
    });
    child.on('exit', (code) => reject(new Error(`mock exited ${code}: ${err}`)));
  });
  lines = Object.fromEntries(got.map((l) => [l.provider, l]));
});

test.afterAll(async () => {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<number | null>((r) => child.on('exit', r));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
});

const alibaba = loadSpec('alibaba-mqtt');
const deleteCa = operation(alibaba, 'DeleteCaCertificate');
const schemaOf = (status: string) => deleteCa.responses.get(status)!.content[0]!.schemaAt!;
const form = (params: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(params).toString(),
});
const v1 = { Version: '2020-04-20', AccessKeyId: 'CERTCONFORMMOCKAKID', SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', Signature: 'c2lnbmF0dXJl' };

test('the JSON lines carry the stateful credentials, and the CA file for azure', () => {
  expect(lines['alibaba-mqtt']!.credentials.accessKeyId).toBeTruthy();
  expect(lines['azure-keyvault']!.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  expect(existsSync(lines['azure-keyvault']!.caFile!)).toBe(true);
});

test('an RPC DeleteCaCertificate (form body, V1) reaches Prism and gets the documented 200', async () => {
  const res = await fetch(`${lines['alibaba-mqtt']!.url}/`, form({ Action: 'DeleteCaCertificate', MqttInstanceId: 'post-cn-0pp1', Sn: '007269004887', ...v1 }));
  expect(res.status).toBe(200);
  expect(validatorFor(alibaba).validate(schemaOf('200'), await res.json())).toEqual({ ok: true, errors: [] });
});

test('the same action in the query, and named by x-acs-action (V3), is mapped too', async () => {
  const query = new URLSearchParams({ Action: 'DeleteCaCertificate', MqttInstanceId: 'post-cn-0pp1', Sn: '007269004887', ...v1 });
  expect((await fetch(`${lines['alibaba-mqtt']!.url}/?${query}`, { method: 'POST' })).status).toBe(200);
  const v3 = await fetch(`${lines['alibaba-mqtt']!.url}/?MqttInstanceId=post-cn-0pp1&Sn=007269004887`, {
    method: 'POST',
    headers: { 'x-acs-action': 'DeleteCaCertificate', 'x-acs-version': '2020-04-20', authorization: 'ACS3-HMAC-SHA256 Credential=x,SignedHeaders=host,Signature=y' },
  });
  expect(v3.status).toBe(200);
});

test('an Sn over 128 bytes gets the documented 400 ParameterFieldCheckFailed body', async () => {
  const res = await fetch(`${lines['alibaba-mqtt']!.url}/`, form({ Action: 'DeleteCaCertificate', MqttInstanceId: 'post-cn-0pp1', Sn: '7'.repeat(129), ...v1 }));
  expect(res.status).toBe(400);
  const body = await res.json();
  expect(validatorFor(alibaba).validate(schemaOf('400'), body)).toEqual({ ok: true, errors: [] });
  expect(body.Code).toBe('ParameterFieldCheckFailed');
});

test('an unknown Action and a request the mapping rejects get Alibaba-dialect errors', async () => {
  for (const res of [
    await fetch(`${lines['alibaba-mqtt']!.url}/`, form({ Action: 'NoSuchAction', ...v1 })),
    await fetch(`${lines['alibaba-mqtt']!.url}/not-rpc`, { method: 'POST' }),
    await fetch(`${lines['alibaba-mqtt']!.url}/`, form({ Sn: '1', ...v1 })), // no Action at all
  ]) {
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const body = await res.json();
    expect(body).toMatchObject({ RequestId: expect.any(String), HostId: expect.any(String), Code: expect.any(String), Message: expect.any(String) });
    expect(validatorFor(alibaba).validate('#/components/schemas/AlibabaError', body)).toEqual({ ok: true, errors: [] });
  }
});

test('azure-keyvault over HTTPS with the printed CA file gets Prism\'s certificate bundle', async () => {
  const { url, caFile } = lines['azure-keyvault']!;
  const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${url}/certificates/cert1/?api-version=7.0`, { ca: readFileSync(caFile!), headers: { authorization: 'Bearer any-token' } }, (r) => {
      let body = '';
      r.on('data', (d) => (body += d));
      r.on('end', () => resolve({ status: r.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
  expect(res.status).toBe(200);
  expect(JSON.parse(res.body)).toMatchObject({ id: expect.any(String), cer: expect.any(String) });
});
