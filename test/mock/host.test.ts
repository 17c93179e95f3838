import { expect, test } from '@playwright/test';
import { ApiError } from '../../mock/host/api-error.ts';
import { parseFaults } from '../../mock/host/faults.ts';
import { serve, type Served } from '../../mock/host/server.ts';
import type { ProviderModule } from '../../mock/host/types.ts';

/**
 * The host alone, with a throw-away provider on the huawei-scm spec: routing, validation from
 * the spec, auth before validation, strict replies, control API and faults. The real engines
 * have their own tests.
 */
interface State {
  deleted: string[];
}
const err = (status: number, code: string) => new ApiError(status, code, `${code} happened`);
const fake: ProviderModule<State> = {
  provider: 'huawei-scm',
  createState: () => ({ deleted: [] }),
  authenticate: (req) => (req.headers['x-auth-token'] ? undefined : err(401, 'SCM.0401')),
  invalid: (_op, problems) => new ApiError(400, 'SCM.0005', problems.join('; ')),
  unknownRoute: () => err(404, 'SCM.0404'),
  errorReply: (e) => ({ status: e.status, body: { error_code: e.code, error_msg: e.message } }),
  commonHeaders: () => ({ 'x-request-id': 'req-1' }),
  snapshot: (s) => s,
  faults: { throttle: () => err(500, 'SCM.0500'), unavailable: () => err(500, 'SCM.0503') },
  handlers: {
    DeleteCertificate: (input, state) => {
      state.deleted.push(String(input.path.certificate_id));
      return { status: 204 };
    },
    // Deliberately wrong: strict mode must catch a body the spec does not document.
    ShowCertificate: () => ({ status: 200, body: { id: 42 } }),
  },
};

const token = { 'x-auth-token': 't'.repeat(40) };
let served: Served<State>;
test.beforeEach(async () => {
  served = await serve(fake, { strict: true, maxBodyBytes: 1024 });
});
test.afterEach(async () => served.close());
const call = (path: string, init: RequestInit = {}) => fetch(served.url + path, init);

test('routes by the spec, validates path parameters from it, and answers in the dialect', async () => {
  const ok = await call('/v3/scm/certificates/scs0000000000001', { method: 'DELETE', headers: token });
  expect(ok.status).toBe(204);
  expect(ok.headers.get('x-request-id')).toBe('req-1');
  const short = await call('/v3/scm/certificates/scs000000000001', { method: 'DELETE', headers: token });
  expect(short.status).toBe(400);
  expect((await short.json()).error_msg).toContain("path parameter 'certificate_id' must NOT have fewer than 16 characters");
  expect(served.state.deleted).toEqual(['scs0000000000001']);
});

test('authenticates before it validates, and unknown routes get the provider error', async () => {
  const anon = await call('/v3/scm/certificates/short', { method: 'DELETE' });
  expect(anon.status).toBe(401);
  expect((await call('/nowhere', { headers: token })).status).toBe(404);
  expect((await call('/v3/scm/certificates/scs0000000000001', { method: 'PATCH', headers: token })).status).toBe(404);
});

test('bodies over the limit are refused before parsing, and the host keeps serving', async () => {
  const big = await call('/v3/scm/certificates/import', { method: 'POST', headers: token, body: 'x'.repeat(4096) });
  expect(big.status).toBe(400);
  expect((await call('/v3/scm/certificates/scs0000000000002', { method: 'DELETE', headers: token })).status).toBe(204);
});

test('strict mode turns an undocumented reply into a loud 500 and records it', async () => {
  const res = await call('/v3/scm/certificates/scs0000000000001', { headers: token });
  expect(res.status).toBe(500);
  expect(res.headers.get('x-certconform-strict-violation')).toBe('true');
  expect(served.violations.join('\n')).toContain('/id must be string');
});

test('control API: state, reset, clock, faults', async () => {
  await call('/v3/scm/certificates/scs0000000000001', { method: 'DELETE', headers: token });
  expect(await (await call('/__certconform/state')).json()).toEqual({ deleted: ['scs0000000000001'] });
  expect((await call('/__certconform/reset', { method: 'POST' })).status).toBe(200);
  expect(await (await call('/__certconform/state')).json()).toEqual({ deleted: [] });
  const before = served.ctx.clock.now();
  await call('/__certconform/clock', { method: 'POST', body: JSON.stringify({ advanceMs: 86_400_000 }) });
  expect(served.ctx.clock.now() - before).toBeGreaterThanOrEqual(86_400_000);
  expect((await call('/__certconform/clock', { method: 'POST', body: '{"advanceMs":-1}' })).status).toBe(400);
  const faulty = await call('/__certconform/faults', { method: 'POST', body: JSON.stringify({ spec: 'throttle=1' }) });
  expect(faulty.status).toBe(200);
  const throttled = await call('/v3/scm/certificates/scs0000000000001', { method: 'DELETE', headers: token });
  expect(await throttled.json()).toMatchObject({ error_code: 'SCM.0500' });
  const perRequest = await call('/__certconform/faults', { method: 'POST', body: JSON.stringify({ spec: '' }) });
  expect(perRequest.status).toBe(200);
  const one = await call('/v3/scm/certificates/scs0000000000001', { method: 'DELETE', headers: { ...token, 'x-certconform-fault': 'unavailable' } });
  expect(await one.json()).toMatchObject({ error_code: 'SCM.0503' });
  expect((await call('/__certconform/nope')).status).toBe(404);
});

test('fault specs are parsed strictly', () => {
  expect(parseFaults('throttle=0.05,unavailable=0.01,latency=20ms')).toEqual({ throttle: 0.05, unavailable: 0.01, latencyMs: 20 });
  expect(() => parseFaults('throttle=2')).toThrow('probability');
  expect(() => parseFaults('latency=20')).toThrow('milliseconds');
  expect(() => parseFaults('explode=1')).toThrow("unknown fault 'explode'");
});
