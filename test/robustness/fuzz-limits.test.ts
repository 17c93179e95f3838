import { expect, test } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PROVIDERS } from '../../lib/providers.ts';
import { DEFAULT_LIMITS, jsonTooDeep, parseLimits } from '../../mock/host/limits.ts';
import { judge } from './fuzz-judge.ts';
import { startMocks, type MockUnderTest } from './fuzz-mock.ts';
import { rawExchange } from './fuzz-raw.ts';

/** The mock's limits one by one, at their defaults, in every provider's dialect; and the flags. */

const request = (m: MockUnderTest, head: string, extra: string[] = []) =>
  [`${head}\r\nhost: ${new URL(m.served.url).host}\r\n${extra.map((h) => `${h}\r\n`).join('')}\r\n`];

/** Documented 4xx in the provider's dialect, whose message says `why`. */
function expectRefused(m: MockUnderTest, r: Awaited<ReturnType<typeof rawExchange>>, why: RegExp) {
  expect(judge(m.spec, r, { broken: false, signed: false })).toBeUndefined();
  expect(r.response!.status).toBe(400);
  expect(r.response!.body).toMatch(why);
}

test('limits: defaults, flag values, and a bad value named by its flag', () => {
  expect(parseLimits({})).toEqual(DEFAULT_LIMITS);
  expect(parseLimits({ maxBodyBytes: '2048', requestTimeoutMs: '40000' })).toMatchObject({ maxBodyBytes: 2048, requestTimeoutMs: 40_000, maxJsonDepth: 64 });
  expect(() => parseLimits({ maxBodyBytes: '1e6' })).toThrow("--max-body-bytes must be a positive integer, got '1e6'");
  expect(() => parseLimits({ maxJsonDepth: '0' })).toThrow('--max-json-depth must be a positive integer');
  expect(() => parseLimits({ headersTimeoutMs: '5000', requestTimeoutMs: '1000' })).toThrow('--headers-timeout-ms (5000) must not exceed --request-timeout-ms (1000)');
});

test('JSON depth is counted outside strings, escapes included', () => {
  const deep = (n: number) => Buffer.from('['.repeat(n) + ']'.repeat(n));
  expect(jsonTooDeep(deep(64), 64)).toBe(false);
  expect(jsonTooDeep(deep(65), 64)).toBe(true);
  expect(jsonTooDeep(deep(100_000), 64)).toBe(true);
  expect(jsonTooDeep(Buffer.from(`{"a":"${'['.repeat(500)}\\"${'{'.repeat(500)}"}`), 2)).toBe(false);
  expect(jsonTooDeep(Buffer.from('{"a":{"b":[1]}}'), 2)).toBe(true);
});

test.describe('every provider at the default limits', () => {
  let mocks: Awaited<ReturnType<typeof startMocks>>;
  test.beforeAll(async () => void (mocks = await startMocks(PROVIDERS)));
  test.afterAll(async () => mocks.close());

  for (const p of PROVIDERS) {
    test(`${p}: a body one byte over ${DEFAULT_LIMITS.maxBodyBytes} is refused in the dialect and the connection closed, declared or chunked`, async () => {
      const m = mocks.mocks[p];
      const big = Buffer.alloc(DEFAULT_LIMITS.maxBodyBytes + 1, 0x7b);
      const declared = await rawExchange(m.served.url, [...request(m, 'POST / HTTP/1.1', [`content-length: ${big.length}`]), big], { ca: m.ca, untilClose: true });
      expectRefused(m, declared, /exceeds 1048576 bytes/);
      expect(declared.end).toBe('closed');
      expect(declared.response!.headers.connection).toBe('close');
      const chunk = (b: Buffer) => Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')]);
      const chunked = await rawExchange(m.served.url, [...request(m, 'POST / HTTP/1.1', ['transfer-encoding: chunked']), chunk(big.subarray(0, 1000)), chunk(big.subarray(1000)), '0\r\n\r\n'], { ca: m.ca, untilClose: true });
      expectRefused(m, chunked, /exceeds 1048576 bytes/);
      expect(chunked.end).toBe('closed');
      await m.probe();
    });

    test(`${p}: headers over ${DEFAULT_LIMITS.maxHeaderBytes} bytes, unknown methods and bad percent-encodings get the dialect's 400`, async () => {
      const m = mocks.mocks[p];
      const huge = await rawExchange(m.served.url, request(m, 'GET / HTTP/1.1', [`x-big: ${'h'.repeat(DEFAULT_LIMITS.maxHeaderBytes)}`]), { ca: m.ca, untilClose: true });
      expectRefused(m, huge, /exceed 16384 bytes/);
      expect(huge.end).toBe('closed');
      expectRefused(m, await rawExchange(m.served.url, request(m, 'BREW / HTTP/1.1'), { ca: m.ca }), /not an HTTP method/);
      for (const target of ['/a%FFb', '/a%zz', '/?x=%C3%28']) {
        expectRefused(m, await rawExchange(m.served.url, request(m, `GET ${target} HTTP/1.1`), { ca: m.ca }), /percent-encodes bytes that are not UTF-8/);
      }
      expectRefused(m, await rawExchange(m.served.url, [`GET / HTTP/1.1\r\n\r\n`], { ca: m.ca }), /Host header is missing/);
      await m.probe();
    });
  }

  test('a signed JSON bomb of 100k levels is refused before parsing; 64 levels reach validation', async () => {
    const { api } = mocks.mocks['aws-iot'];
    const bomb = await api.call('RegisterCertificateWithoutCA', { rawBody: `{"certificatePem":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, headers: { 'content-type': 'application/json' } });
    expect([bomb.status, bomb.code]).toEqual([400, 'InvalidRequestException']);
    expect(bomb.text).toContain('nests deeper than 64 levels');
    const deep = await api.call('RegisterCertificateWithoutCA', { rawBody: `{"certificatePem":${'['.repeat(63)}${']'.repeat(63)}}`, headers: { 'content-type': 'application/json' } });
    expect(deep.status).toBe(400);
    expect(deep.text).not.toContain('nests deeper');
    await mocks.mocks['aws-iot'].probe();
  });

  test('a JSON body that is not UTF-8 is refused, not read with U+FFFD', async () => {
    const m = mocks.mocks['huawei-scm'];
    const body = Buffer.concat([Buffer.from('{"name":"a'), Buffer.from([0xc3, 0x28]), Buffer.from('","certificate":"x","private_key":"y"}')]);
    const head = request(m, 'POST /v3/scm/certificates/import HTTP/1.1', ['content-type: application/json', `x-auth-token: ${'T'.repeat(40)}`, `content-length: ${body.length}`]);
    const r = await rawExchange(m.served.url, [...head, body]);
    expectRefused(m, r, /not valid JSON: The encoded data was not valid for encoding utf-8/);
  });
});

test('slow clients are disconnected at the header and request timeouts, idle keep-alive connections too', async () => {
  const { mocks, close } = await startMocks(['huawei-scm'], { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 200 });
  const m = mocks['huawei-scm'];
  try {
    const drip = (first: string, piece: string) => [first, ...Array.from({ length: 60 }, () => piece)];
    const token = `x-auth-token: ${'T'.repeat(40)}`;
    const clients = [
      ...Array.from({ length: 10 }, () => rawExchange(m.served.url, [], { waitMs: 8_000 })),
      ...Array.from({ length: 10 }, () => rawExchange(m.served.url, drip('GET /v3/scm/certificates HTTP/1.1\r\n', 'x-slow: 1\r\n'), { gapMs: 100, waitMs: 8_000 })),
      ...Array.from({ length: 10 }, () => rawExchange(m.served.url, drip(`POST /v3/scm/certificates/import HTTP/1.1\r\nhost: x\r\n${token}\r\ncontent-length: 1000\r\n\r\n`, '{'), { gapMs: 100, waitMs: 8_000 })),
    ];
    for (const r of await Promise.all(clients)) expect(r).toEqual({ end: 'closed', response: undefined });
    const kept = await rawExchange(m.served.url, request(m, 'GET /v3/scm/certificates HTTP/1.1', [token]), { untilClose: true, waitMs: 8_000 });
    expect([kept.response?.status, kept.end]).toEqual([200, 'closed']);
    const open = await new Promise<number>((r) => m.served.server.getConnections((_e, n) => r(n)));
    expect(open).toBe(0);
    await m.probe();
  } finally {
    await close();
  }
});

test('certconform mock passes the limit flags to the server; a bad one exits 2 with a sentence', async () => {
  const bad = spawnSync(process.execPath, ['bin/certconform.mjs', 'mock', '--request-timeout-ms', 'soon'], { encoding: 'utf8' });
  expect([bad.status, bad.stderr.trim()]).toEqual([2, "certconform mock: --request-timeout-ms must be a positive integer, got 'soon'"]);
  const prism = spawnSync(process.execPath, ['bin/certconform.mjs', 'mock', '--engine', 'prism', '--max-body-bytes', '10'], { encoding: 'utf8' });
  expect([prism.status, prism.stderr]).toEqual([2, expect.stringContaining('--max-body-bytes: limits of the stateful engine')]);
  const child = spawn(process.execPath, ['bin/certconform.mjs', 'mock', 'huawei-scm', '--port-base', '0', '--json', '--max-body-bytes', '1000'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`certconform mock exited ${code}`)));
    });
    const { url } = JSON.parse(line) as { url: string };
    const r = await rawExchange(url, [`POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 1001\r\n\r\n`, 'x'.repeat(1001)]);
    expect(r.response?.status).toBe(400);
    expect(r.response?.body).toContain('exceeds 1000 bytes');
  } finally {
    child.kill('SIGTERM');
  }
});
