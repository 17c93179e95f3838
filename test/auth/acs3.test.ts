import { expect, test } from '@playwright/test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { WireRequest } from '../../mock/host/types.ts';
import { MOCK_CREDENTIALS, NARROW_CREDENTIALS } from '../../mock/providers/alibaba-mqtt/credentials.ts';
import { verifyV3 } from '../../mock/providers/alibaba-mqtt/sign-v3.ts';
import { signAlibabaV3 } from '../../suites/support/signing/alibaba.ts';
import { referenceVerifyV3 } from './reference/alibaba.ts';
import { accepted, changeChar, cloneWire, planArb, toWire, unsigned, verdict } from './requests.ts';

// mock/auth/acs3.ts against @alicloud/openapi-util's getAuthorization (as the suite and
// @alicloud/openapi-client sign) and against the check it replaced: same verdict, same error.
const RUNS = Number(process.env.CERTCONFORM_AUTH_RUNS ?? 10_000);
// The official signer and the old check cost ~0.5 ms a run; a loaded 2-core machine triples it.
// Inside the properties node:assert, not expect: Playwright records every expect as a step.
test.setTimeout(300_000);

const MUTATIONS = ['signature', 'date', 'nonce', 'action', 'host', 'body', 'access-key', 'method', 'path', 'query'] as const;
type Mutation = (typeof MUTATIONS)[number] | 'unsigned-header';

const call = (wire: WireRequest) => ({ action: 'DeleteCaCertificate', params: {}, wire });
const newVerdict = (w: WireRequest) => verdict(verifyV3(call(w), w.headers.authorization!));
const oldVerdict = (w: WireRequest) => verdict(referenceVerifyV3(call(w), w.headers.authorization!));

function mutate(w: WireRequest, how: Mutation, at: number): WireRequest {
  const m = cloneWire(w);
  const auth = m.headers.authorization!;
  const header = (h: string) => (m.headers[h] = changeChar(m.headers[h]!, at));
  switch (how) {
    case 'signature': m.headers.authorization = auth.replace(/(Signature=)([0-9a-f]+)/, (_, a: string, s: string) => a + changeChar(s, at, true)); break;
    case 'date': header('x-acs-date'); break;
    case 'nonce': header('x-acs-signature-nonce'); break;
    case 'action': header('x-acs-action'); break;
    case 'host': header('host'); break;
    case 'body': m.rawBody = Buffer.concat([m.rawBody, Buffer.from([at % 256])]); break;
    case 'access-key': m.headers.authorization = auth.replace(/Credential=[^,]+/, `Credential=${NARROW_CREDENTIALS.accessKeyId}`); break;
    case 'method': m.method = m.method === 'GET' ? 'POST' : 'GET'; break;
    case 'path': m.path = `${m.path}${m.path.endsWith('/') ? '' : '/'}x`; break;
    case 'query': m.query.append('zz', String(at)); break;
    case 'unsigned-header': m.headers['x-not-signed'] = String(at); break;
  }
  return m;
}

const caseArb = fc.record({
  plan: planArb(),
  securityToken: fc.option(fc.constantFrom('sts/token+=', 'CAIS'), { freq: 3 }),
  nonce: fc.string({ minLength: 1, maxLength: 32, unit: fc.constantFrom(...'abcdef0123456789-') }),
  mutation: fc.constantFrom<Mutation>(...MUTATIONS, 'unsigned-header'),
  at: fc.nat(),
});

test(`ACS3-HMAC-SHA256: ${RUNS} requests signed by openapi-util are accepted; single mutations refused as the old check refuses them`, async () => {
  fc.assert(
    fc.property(caseArb, (c) => {
      const req = unsigned(c.plan);
      Object.assign(req.headers, { 'x-acs-action': 'DeleteCaCertificate', 'x-acs-version': '2020-04-20' });
      const credentials = { ...MOCK_CREDENTIALS, ...(c.securityToken ? { securityToken: c.securityToken } : {}) };
      const w = toWire(signAlibabaV3(req, { credentials, nonce: c.nonce }));
      const mine = newVerdict(w);
      assert.equal(mine, accepted);
      assert.deepEqual(mine, oldVerdict(w));
      const m = mutate(w, c.mutation, c.at);
      const after = newVerdict(m);
      if (c.mutation === 'unsigned-header') assert.deepEqual(after, mine);
      else assert.notEqual(after, accepted);
      assert.deepEqual(after, oldVerdict(m));
    }),
    { numRuns: RUNS },
  );
});
