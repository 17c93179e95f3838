import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { awsEnv, BIN, cli, startMock } from './support/cli.ts';

/**
 * In front of the mock: a role without iot:RegisterCertificateWithoutCA, as AWS answers it
 * (403 AccessDeniedException); everything else passes through (the preflight's ListCertificates too).
 */
function refusingRegister(upstream: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url?.startsWith('/certificate/register-no-ca')) {
      req.resume();
      res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-ErrorType': 'AccessDeniedException' });
      res.end(JSON.stringify({ message: 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iot:RegisterCertificateWithoutCA' }));
      return;
    }
    const up = new URL(upstream);
    const fwd = request({ host: up.hostname, port: up.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    req.pipe(fwd);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('credentials refused while a test prepares its resources: its rules are errors (never failures), exit 2, and baseline refuses the report', async () => {
  test.setTimeout(180_000);
  const mock = await startMock(['aws-iot']);
  const proxy = await refusingRegister(mock.lines[0]!.url);
  try {
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const env = { ...awsEnv(mock.lines[0]!), AWS_REGION: 'us-east-1' };
    const r = await cli(['run', '--target', `aws-iot=${url}`, '--grep', 'AWSIOT-DEL-001'], env).exited;
    expect(r.code, r.out.slice(-3000)).toBe(2);
    expect(r.out).toMatch(/certconform run: setup error.*RegisterCertificateWithoutCA answered 403 AccessDeniedException.*refused the run's credentials/);
    const report = r.report();
    expect(report.rules.filter((x) => x.outcome === 'failed').map((x) => x.id)).toEqual([]);
    const del001 = report.rules.find((x) => x.id === 'AWSIOT-DEL-001')!;
    expect(del001.outcome).toBe('error');
    expect(del001.reason).toMatch(/^setup error in .*: setup: RegisterCertificateWithoutCA answered 403 AccessDeniedException/);
    expect(del001.setupError).toBe(true);
    // Not judged, so neither "not met" nor a score: the summary says why instead.
    expect(r.out).toMatch(/MUST rules? not judged: \d+ setup error/);
    expect(r.out).not.toMatch(/rules? not met|0\.0%/);
    expect(Object.values(report.summary).map((s) => s.score)).toEqual([null]);
    expect(report.run.setupErrors.length).toBeGreaterThan(0);
    const baseline = spawnSync(process.execPath, [BIN, 'baseline', '--from', join(r.dir, 'conformance.json'), '--out', join(r.dir, 'b.json')], { encoding: 'utf8' });
    expect(baseline.status).toBe(2);
    expect(baseline.stderr).toMatch(/certconform baseline: the run had \d+ setup errors?, which are not deviations of the target: .*AWSIOT-DEL-001@/);
    expect(baseline.stderr.trim().split('\n')).toHaveLength(1);
  } finally {
    proxy.close();
    mock.stop();
  }
});
