import { expect, test } from '@playwright/test';
import { specFile } from '../lib/paths.ts';
import type { Provider } from '../lib/providers.ts';
import { errorCodeOf, documentedCodes } from '../lib/spec/dialect.ts';
import { loadSpec, operation } from '../lib/spec/load.ts';
import { validatorFor } from '../lib/spec/validator.ts';
import { startPrism, type PrismServer } from '../mock/prism.ts';

/**
 * Prism serves each spec as written and answers a constraint violation with the documented
 * 400 body: proof that the specs use an OpenAPI that Prism honours. Values are built from the
 * spec's own length limits; only the credentials and which parameter to break are chosen here.
 */
interface Case {
  op: string;
  param: string;
  /** How to break it: one past the longest allowed, one short of the shortest, or leave it out. */
  breakBy: 'tooLong' | 'tooShort' | 'missing';
  headers: Record<string, string>;
  query?: Record<string, string>;
}

const CASES: Record<Provider, Case> = {
  'aws-iot': { op: 'DeleteCertificate', param: 'certificateId', breakBy: 'tooShort', headers: { authorization: 'AWS4-HMAC-SHA256 Credential=x' } },
  'azure-keyvault': { op: 'DeleteCertificate', param: 'api-version', breakBy: 'missing', headers: { authorization: 'Bearer token' } },
  'alibaba-mqtt': { op: 'DeleteCaCertificate', param: 'Sn', breakBy: 'tooLong', headers: {}, query: { Signature: 'sig' } },
  'huawei-scm': { op: 'DeleteCertificate', param: 'certificate_id', breakBy: 'tooShort', headers: { 'x-auth-token': 't'.repeat(40) } },
};

function valueFor(schema: Record<string, unknown>, mode: 'valid' | Case['breakBy']): string | undefined {
  if (Array.isArray(schema.enum)) return mode === 'valid' ? String(schema.enum[0]) : undefined;
  const min = Number(schema.minLength ?? 1);
  const max = Number(schema.maxLength ?? Math.max(min, 8));
  if (mode === 'tooLong') return '0'.repeat(max + 1);
  if (mode === 'tooShort') return '0'.repeat(min - 1);
  return mode === 'missing' ? undefined : '0'.repeat(min);
}

function request(provider: Provider, mode: 'valid' | Case['breakBy'], base: string) {
  const spec = loadSpec(provider);
  const c = CASES[provider];
  const op = operation(spec, c.op);
  const url = new URL(base);
  let path = op.path;
  for (const p of op.parameters.filter((p) => p.required || p.name === c.param)) {
    const value = valueFor(p.schema, p.name === c.param ? mode : 'valid');
    if (value === undefined) continue;
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(value));
    if (p.in === 'query') url.searchParams.set(p.name, value);
  }
  for (const [k, v] of Object.entries(c.query ?? {})) url.searchParams.set(k, v);
  url.pathname = path;
  return fetch(url, { method: op.method.toUpperCase(), headers: c.headers });
}

for (const provider of Object.keys(CASES) as Provider[]) {
  test.describe(`${provider} served by Prism`, () => {
    let prism: PrismServer;
    test.beforeAll(async () => {
      // port 0: Prism binds a free port and startPrism reads it back from Prism's own log line
      prism = await startPrism(specFile(provider), { port: 0 });
      expect(prism.url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
    });
    test.afterAll(async () => prism?.stop());

    test('a valid request gets a documented success status', async () => {
      const res = await request(provider, 'valid', prism.url);
      const op = operation(loadSpec(provider), CASES[provider].op);
      expect([...op.responses.keys()].filter((s) => s.startsWith('2'))).toContain(String(res.status));
    });

    test('a constraint violation gets the documented 400 with the provider error body', async () => {
      const spec = loadSpec(provider);
      const op = operation(spec, CASES[provider].op);
      const res = await request(provider, CASES[provider].breakBy, prism.url);
      expect(res.status).toBe(400);
      const body = await res.json();
      const schemaAt = op.responses.get('400')!.content[0]!.schemaAt!;
      expect(validatorFor(spec).validate(schemaAt, body)).toEqual({ ok: true, errors: [] });
      const code = errorCodeOf(spec, Object.fromEntries(res.headers), body);
      expect(code, 'the error carries a code where the dialect puts it').toBeTruthy();
      const documented = documentedCodes(spec, op, 400);
      if (documented) expect(documented).toContain(code);
    });
  });
}
