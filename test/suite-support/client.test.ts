import { expect, test } from '@playwright/test';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSpec } from '../../lib/spec/load.ts';
import { Checker } from '../../suites/support/checks/checker.ts';
import { ApiClient } from '../../suites/support/http/client.ts';
import { StepLog } from '../../suites/support/http/steps.ts';
import { WIRES } from '../../suites/support/http/wires/index.ts';
import { ConformanceFailure } from '../../suites/support/verdict/failure.ts';
import { Verdicts } from '../../suites/support/verdict/recorder.ts';

type Answer = (req: IncomingMessage, res: ServerResponse) => void;

/** A scripted huawei-scm "implementation" on a loopback port; answers in order. */
async function scripted(answers: Answer[]) {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    req.resume();
    req.on('end', () => (answers.shift() ?? ((_q, r) => r.writeHead(500).end()))(req, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const spec = loadSpec('huawei-scm');
  const verdicts = new Verdicts('huawei-scm');
  const log = new StepLog();
  const target = { provider: 'huawei-scm' as const, name: 't', url, credentials: { ak: 'AKTESTAKTEST', sk: 'sk-secret-0123456789' } };
  const api = new ApiClient(target, spec, WIRES['huawei-scm'], new Checker(spec, verdicts, log));
  return { api, verdicts, log, seen, close: () => new Promise((r) => server.close(r)) };
}

const error = (status: number, code: string, headers: Record<string, string> = {}): Answer => (_q, r) =>
  r.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'r1', ...headers }).end(JSON.stringify({ error_code: code, error_msg: 'm' }));

test('a documented throttle is retried (Retry-After honoured) and counted, then the answer is judged', async () => {
  const s = await scripted([error(429, 'APIGW.0308', { 'retry-after': '0' }), (_q, r) => r.writeHead(204, { 'x-request-id': 'r2' }).end()]);
  const ex = await s.api.call('DeleteCertificate', { path: { certificate_id: 'scs1234567890123' } });
  await s.close();
  expect(ex.status).toBe(204);
  expect(ex.step.retries).toBe(1);
  expect(s.verdicts.retries).toBe(1);
  expect(s.seen).toHaveLength(2);
});

test('an undocumented status fails SPEC-001 with the step that showed it, and the test goes on to judge its own rule', async () => {
  const s = await scripted([error(418, 'SCM.0001')]);
  const ex = await s.api.call('DeleteCertificate', { path: { certificate_id: 'scs1234567890123' } });
  await s.close();
  expect(ex.status).toBe(418);
  const [e] = s.verdicts.deferred;
  expect(e).toBeInstanceOf(ConformanceFailure);
  expect(e!.rule).toBe('HWSCM-SPEC-001');
  expect(e!.message).toContain('Received: 418 SCM.0001 from DeleteCertificate');
  expect(e!.steps).toHaveLength(1);
  expect(s.verdicts.toJSON().rules['HWSCM-SPEC-001']?.failure?.received).toContain('418 SCM.0001');
  expect(s.verdicts.toJSON().rules['HWSCM-SPEC-001']?.passed).toBe(0);
});

test('an error body that breaks the documented shape fails SPEC-001', async () => {
  const s = await scripted([(_q, r) => r.writeHead(400, { 'content-type': 'application/json', 'x-request-id': 'r' }).end('{"error_code":"X","error_msg":"a code of 1 character"}')]);
  await s.api.call('ShowCertificate', { path: { certificate_id: 'scs1234567890123' } });
  await s.close();
  expect(s.verdicts.deferred.map((e) => e.rule)).toEqual(['HWSCM-SPEC-001']);
});

test('steps and curl lines are redacted: no signature, no secret key', async () => {
  const s = await scripted([(_q, r) => r.writeHead(204, { 'x-request-id': 'r' }).end()]);
  await s.api.call('DeleteCertificate', { path: { certificate_id: 'scs1234567890123' } });
  await s.close();
  expect(s.seen[0]!.headers.authorization).toMatch(/^SDK-HMAC-SHA256 /);
  const text = JSON.stringify(s.log.all());
  expect(text).not.toContain(String(s.seen[0]!.headers.authorization));
  expect(text).not.toContain('sk-secret-0123456789');
  expect(s.log.all()[0]!.curl).toContain("-H 'Authorization: [REDACTED]'");
});

test('auth none sends no credentials', async () => {
  const s = await scripted([error(401, 'APIGW.0301')]);
  const ex = await s.api.call('DeleteCertificate', { path: { certificate_id: 'scs1234567890123' } }, { auth: 'none' });
  await s.close();
  expect(ex.status).toBe(401);
  expect(s.seen[0]!.headers.authorization).toBeUndefined();
});
