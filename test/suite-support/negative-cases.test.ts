import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { specFile } from '../../lib/paths.ts';
import { loadSpec } from '../../lib/spec/load.ts';
import fc from 'fast-check';
import { invalidValueArb } from '../../suites/support/negative/arbitrary.ts';
import { negativeCases } from '../../suites/support/negative/cases.ts';

test('cases come from the spec: lengths, pattern, required', () => {
  const titles = negativeCases(loadSpec('aws-iot'), 'DeleteCertificate').map((c) => c.title);
  expect(titles).toContain('DeleteCertificate path certificateId: length 63 (minLength 64 - 1)');
  expect(titles).toContain('DeleteCertificate path certificateId: length 65 (maxLength 64 + 1)');
  expect(titles.some((t) => t.includes('breaks /(0x)?[a-fA-F0-9]+/'))).toBe(true);
  const alibaba = negativeCases(loadSpec('alibaba-mqtt'), 'DeleteCaCertificate', ['Version', 'Format', 'Timestamp', 'SignatureMethod', 'SignatureVersion']);
  expect(alibaba.map((c) => c.constraint).sort()).toEqual(['maxLength', 'required', 'required', 'x-maxBytes']);
  const bytes = alibaba.find((c) => c.constraint === 'x-maxBytes')!.apply({ query: { Sn: 'x', MqttInstanceId: 'i' } });
  expect(Buffer.byteLength(String(bytes.query!.Sn))).toBe(129);
});

test('a constraint changed in the spec changes the cases (nothing re-typed)', () => {
  const text = readFileSync(specFile('huawei-scm'), 'utf8');
  const changed = text.replace(/minLength: 16\n(\s+)maxLength: 16/, 'minLength: 20\n$1maxLength: 20');
  expect(changed).not.toBe(text);
  const file = join(mkdtempSync(join(tmpdir(), 'spec-')), 'huawei-scm.yaml');
  writeFileSync(file, changed);
  const titles = negativeCases(loadSpec('huawei-scm', file), 'DeleteCertificate').map((c) => c.title);
  expect(titles).toContain('DeleteCertificate path certificate_id: length 19 (minLength 20 - 1)');
  expect(titles).toContain('DeleteCertificate path certificate_id: length 21 (maxLength 20 + 1)');
});

test('apply changes one member of a valid input and leaves the rest', () => {
  const cases = negativeCases(loadSpec('huawei-scm'), 'ImportCertificate');
  const valid = { body: { name: 'ok-name', certificate: 'PEM', private_key: 'KEY' } };
  const missing = cases.find((c) => c.title === 'ImportCertificate body name: left out (required)')!.apply(valid);
  expect(missing.body).toEqual({ certificate: 'PEM', private_key: 'KEY' });
  expect(valid.body.name).toBe('ok-name');
});

test('the random pass draws only values the spec refuses, and follows the spec', () => {
  const spec = loadSpec('huawei-scm');
  const ids = fc.sample(invalidValueArb(spec, 'DeleteCertificate', 'path', 'certificate_id'), { numRuns: 200, seed: 1 }).map(String);
  expect(ids.every((id) => id.length !== 16 && !/^\.*$/.test(id))).toBe(true);
  const limits = fc.sample(invalidValueArb(spec, 'ListCertificates', 'query', 'limit'), { numRuns: 200, seed: 1 });
  expect(limits.some((l) => [10, 20, 50].includes(Number(l)))).toBe(false);
  const names = fc.sample(invalidValueArb(loadSpec('azure-keyvault'), 'ImportCertificate', 'path', 'certificate-name', { prefix: 'cc-run-' }), { numRuns: 100, seed: 1 }).map(String);
  expect(names.every((n) => n.startsWith('cc-run-') && !/^[0-9a-zA-Z-]+$/.test(n))).toBe(true);
  expect(() => invalidValueArb(spec, 'DeleteCertificate', 'query', 'nope')).toThrow("DeleteCertificate has no query parameter 'nope'");
});
