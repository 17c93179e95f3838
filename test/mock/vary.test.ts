import { expect, test } from '@playwright/test';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { loadSpec } from '../../lib/spec/load.ts';
import { serve } from '../../mock/host/server.ts';
import { awsIot, MOCK_CREDENTIALS } from '../../mock/providers/aws-iot/index.ts';
import { KINDS, parseVary, type Kind } from '../../mock/vary/options.ts';
import { Vary } from '../../mock/vary/vary.ts';

/**
 * The varying mock in process: choices are seeded and reproducible, `only=` narrows them,
 * each is logged naming what allows it, GET /__certconform/choices lists them, and every
 * status it picks is one the spec documents for the operation.
 */
const signer = new SignatureV4({ credentials: MOCK_CREDENTIALS, region: 'us-east-1', service: 'iot', sha256: Sha256 });

async function signed(url: string, method: string, path: string, query: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const u = new URL(path, url);
  const request = { method, protocol: 'http:', hostname: u.hostname, port: Number(u.port), path, query, headers: { host: u.host, ...headers } };
  const req = await signer.sign(request);
  const qs = new URLSearchParams(query).toString();
  return fetch(`${url}${path}${qs ? `?${qs}` : ''}`, { method, headers: req.headers as Record<string, string> });
}

/** A fixed sequence of requests: listings, and deletes answered with the documented throttling. */
async function session(seed: number, kinds: Kind[] = [...KINDS]) {
  const lines: string[] = [];
  const vary = new Vary(awsIot, loadSpec('aws-iot'), { seed, kinds: new Set(kinds) }, (l) => lines.push(l));
  const served = await serve(awsIot, { strict: true, vary });
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    await signed(served.url, 'GET', '/certificates', { pageSize: '250' });
    const id = String(i).padStart(64, 'a');
    const r = await signed(served.url, 'DELETE', `/certificates/${id}`, {}, { 'x-certconform-fault': 'throttle' });
    statuses.push(r.status);
  }
  const choices = await (await fetch(`${served.url}/__certconform/choices`)).json();
  await served.close();
  expect(served.violations).toEqual([]);
  return { lines: lines.map((l) => l.replace(/^\S+ \S+ \S+ \S+ #\d+ /, '')), statuses, choices };
}

test('the same seed makes the same choices; another seed makes others', async () => {
  const a = await session(7);
  const b = await session(7);
  const c = await session(8);
  expect(a.lines).toEqual(b.lines);
  expect(a.statuses).toEqual(b.statuses);
  expect(c.lines).not.toEqual(a.lines);
});

test('a throttled DeleteCertificate answers 400 or 429, each choice naming the x-discrepancy and the rule', async () => {
  const { lines, statuses, choices } = await session(3, ['status']);
  expect(new Set(statuses)).toEqual(new Set([400, 429]));
  const status = lines.filter((l) => l.startsWith('status DeleteCertificate'));
  expect(status).toHaveLength(12);
  for (const l of status) expect(l).toMatch(/ThrottlingException .*allowed by .*x-discrepancy on DeleteCertificate.*AWSIOT-FMT-003/);
  expect(choices.kinds).toEqual(['status']);
  expect(choices.total).toBe(12);
  expect(choices.choices[0]).toMatchObject({ kind: 'status', operation: 'DeleteCertificate' });
  expect(choices.byAllowance['AWSIOT-FMT-003']).toBe(12);
});

test('only=pages cuts listings within the spec bounds and makes no other choice', async () => {
  const { lines } = await session(5, ['pages']);
  expect(lines.length).toBe(12);
  for (const l of lines) {
    const size = Number(/pageSize=(\d+)/.exec(l)?.[1]);
    expect(size).toBeGreaterThanOrEqual(1);
    expect(size).toBeLessThanOrEqual(250);
    expect(l).toContain('ListCertificates pageSize 1..250 with a next-page link');
  }
});

test('without --vary there is no choices route', async () => {
  const served = await serve(awsIot);
  const res = await fetch(`${served.url}/__certconform/choices`);
  await served.close();
  expect(res.status).toBe(404);
  expect((await res.json()).error).toMatch(/--vary/);
});

test('--vary values: only= names known kinds, the seed is a whole number', () => {
  expect([...parseVary('only=pages,status', '4').kinds]).toEqual(['pages', 'status']);
  expect(parseVary(true, '4')).toEqual({ seed: 4, kinds: new Set(KINDS) });
  expect(() => parseVary('only=pages,colour', '1')).toThrow("--vary only=: unknown kind 'colour'");
  expect(() => parseVary('sometimes', '1')).toThrow('--vary takes nothing or only=KIND');
  expect(() => parseVary(true, '-3')).toThrow('--vary-seed must be a whole number');
});
