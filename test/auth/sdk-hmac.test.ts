import { expect, test } from '@playwright/test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'node:url';
import type { WireRequest } from '../../mock/host/types.ts';
import { parseAuthorization, signatureMatches, type AkSkClaim } from '../../mock/providers/huawei-scm/aksk.ts';
import { MOCK_AK, MOCK_DOMAIN_ID, MOCK_SK, NARROW_SK } from '../../mock/providers/huawei-scm/config.ts';
import { signHuawei } from '../../suites/support/signing/huawei.ts';
import { referenceSignatureMatches } from './reference/huawei.ts';
import { changeChar, cloneWire, hasProtoKey, planArb, toWire, unsigned } from './requests.ts';

// mock/auth/sdk-hmac.ts against the official AKSKSigner (@huaweicloud/huaweicloud-sdk-core, as
// the suite signs) and against the check it replaced (that signer's steps): same verdict.
const RUNS = Number(process.env.CERTCONFORM_AUTH_RUNS ?? 10_000);
// The official signer and the old check cost ~0.5 ms a run; a loaded 2-core machine triples it.
// Inside the properties node:assert, not expect: Playwright records every expect as a step.
test.setTimeout(300_000);

const MUTATIONS = ['signature', 'date', 'signed-header', 'body', 'access-key', 'method', 'path', 'query'] as const;
type Mutation = (typeof MUTATIONS)[number] | 'unsigned-header';

const sdkDate = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

/** What the mock's authenticator hands the check: the claim, the secret of its AK, X-Sdk-Date. */
const inputs = (w: WireRequest, sk = MOCK_SK) => [w, parseAuthorization(w.headers.authorization!) as AkSkClaim, sk, w.headers['x-sdk-date']!] as const;

function mutate(w: WireRequest, how: Mutation, at: number): { wire: WireRequest; sk?: string } {
  const m = cloneWire(w);
  const signed = /SignedHeaders=([^,]+)/.exec(m.headers.authorization!)![1]!.split(';').filter((h) => h !== 'x-sdk-date');
  const header = signed[at % signed.length]!;
  switch (how) {
    case 'signature': m.headers.authorization = m.headers.authorization!.replace(/(Signature=)([0-9a-f]+)/, (_, a: string, s: string) => a + changeChar(s, at, true)); break;
    case 'date': m.headers['x-sdk-date'] = sdkDate(new Date(Date.parse(m.headers['x-sdk-date']!.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z')) + 1000)); break;
    case 'signed-header': m.headers[header] = changeChar(m.headers[header]!, at); break;
    case 'body': m.rawBody = Buffer.concat([m.rawBody, Buffer.from([at % 256])]); break;
    case 'access-key': return { wire: m, sk: NARROW_SK }; // the claimed AK's secret is another's
    case 'method': m.method = m.method === 'GET' ? 'POST' : 'GET'; break;
    case 'path': m.path = `${m.path}${m.path.endsWith('/') ? '' : '/'}x`; break;
    case 'query': m.query.append('zz', String(at)); break;
    case 'unsigned-header': m.headers['x-not-signed'] = String(at); break;
  }
  return { wire: m };
}

const caseArb = fc.record({
  plan: planArb(),
  securityToken: fc.option(fc.constantFrom('sts/token+=', 'gQpjbi1ub3J0aC00'), { freq: 3 }),
  domainId: fc.boolean(),
  mutation: fc.constantFrom<Mutation>(...MUTATIONS, 'unsigned-header'),
  at: fc.nat(),
});

test(`SDK-HMAC-SHA256: ${RUNS} requests signed by AKSKSigner are accepted; single mutations refused as the old check refuses them`, async () => {
  fc.assert(
    fc.property(caseArb, (c) => {
      const req = unsigned(c.plan);
      const credentials = { ak: MOCK_AK, sk: MOCK_SK, ...(c.securityToken ? { securityToken: c.securityToken } : {}), ...(c.domainId ? { domainId: MOCK_DOMAIN_ID } : {}) };
      const w = toWire(signHuawei(req, { credentials, date: new Date() }));
      const mine = signatureMatches(...inputs(w));
      // Refused by the old check too: the SDK signs header values as given where node trims the
      // blanks at their ends, and it reads the path with the legacy url.parse, which escapes
      // characters (^ ` { } |) a WHATWG URL sends as they are. Every other request passes.
      const trimmed = c.plan.headers.every(([, v]) => v === v.replace(/^[ \t]+|[ \t]+$/g, ''));
      if (trimmed && parse(`http://h${w.path}`).pathname === w.path) assert.equal(mine, true);
      // A `__proto__` query key: the old check lost it in a plain object (its bug); the signer decides.
      const legacy = !hasProtoKey(w);
      if (legacy) assert.equal(mine, referenceSignatureMatches(...inputs(w)));
      const { wire, sk } = mutate(w, c.mutation, c.at);
      const after = signatureMatches(...inputs(wire, sk));
      const payloadUnsigned = w.headers['x-sdk-content-sha256'] === 'UNSIGNED-PAYLOAD';
      if (c.mutation === 'unsigned-header' || (c.mutation === 'body' && payloadUnsigned)) assert.equal(after, mine);
      else assert.equal(after, false);
      if (legacy) assert.equal(after, referenceSignatureMatches(...inputs(wire, sk)));
    }),
    { numRuns: RUNS },
  );
});

test('SDK-HMAC-SHA256: a query key named like an Object member is signed as any other key', () => {
  for (const key of ['__proto__', 'toString', 'constructor']) {
    const plan = { method: 'GET', host: 'localhost', path: '/v3/scm/certificates', query: `${key}=1&${key}=2&a=b`, headers: [], body: undefined };
    const w = toWire(signHuawei(unsigned(plan), { credentials: { ak: MOCK_AK, sk: MOCK_SK } }));
    expect(signatureMatches(...inputs(w)), key).toBe(true);
    expect(signatureMatches(...inputs(mutate(w, 'query', 1).wire)), key).toBe(false);
  }
});

test('SDK-HMAC-SHA256: a signature one hex digit longer is refused (the old byte comparison dropped the odd digit)', () => {
  const plan = { method: 'GET', host: 'localhost', path: '/v3/scm/certificates', query: '', headers: [], body: undefined };
  const w = toWire(signHuawei(unsigned(plan), { credentials: { ak: MOCK_AK, sk: MOCK_SK } }));
  w.headers.authorization = `${w.headers.authorization}0`;
  expect(signatureMatches(...inputs(w))).toBe(false);
  expect(referenceSignatureMatches(...inputs(w))).toBe(true);
});
