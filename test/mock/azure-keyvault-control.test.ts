import { expect, test } from '@playwright/test';
import { request } from 'node:https';
import { serve } from '../../mock/host/server.ts';
import { azureKeyVault, tlsMaterial } from '../../mock/providers/azure-keyvault/index.ts';

// What the host's control API and fault injection get from this module: a plain-JSON state,
// the clock, a reset that empties both stores, and the documented transient errors.

const DAY_MS = 86_400_000;

test('control API: state snapshot, clock, reset; faults are the documented 429 and 503', async () => {
  const tls = await tlsMaterial();
  const served = await serve(azureKeyVault, { strict: true, tls: { key: tls.keyPem, cert: tls.certPem } });
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: Record<string, unknown>; json: any }>((resolve, reject) => {
      const all = { authorization: 'Bearer certconform-token', 'content-type': 'application/json', ...headers };
      const req = request(`${served.url}${path}`, { method, ca: tls.caPem, headers: all }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, headers: res.headers, json: text ? JSON.parse(text) : undefined });
        });
      });
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  try {
    // A name never imported is not found, then the state shows both stores empty.
    expect((await call('DELETE', '/certificates/ctl?api-version=7.0')).status).toBe(404);
    const state = (await call('GET', '/__certconform/state')).json;
    expect(state).toMatchObject({ certificates: [], deletedCertificates: [], options: { retentionDays: 90 } });

    for (const [fault, status, code] of [['throttle', 429, 'Throttled'], ['unavailable', 503, 'ServiceUnavailable']] as const) {
      const a = await call('GET', '/certificates?api-version=7.0', undefined, { 'x-certconform-fault': fault });
      expect([a.status, a.json.error.code]).toEqual([status, code]);
      expect(a.headers['retry-after']).toBe('1');
    }

    const before = (await call('GET', '/__certconform/clock')).json.now;
    await call('POST', '/__certconform/clock', { advanceMs: 91 * DAY_MS });
    expect((await call('GET', '/__certconform/clock')).json.now - before).toBeGreaterThanOrEqual(91 * DAY_MS);
    expect((await call('POST', '/__certconform/reset')).status).toBe(200);
    expect((await call('GET', '/__certconform/state')).json.certificates).toEqual([]);
  } finally {
    await served.close();
  }
  expect(served.violations).toEqual([]);
});
