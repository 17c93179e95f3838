import { expect, test } from '@playwright/test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { WireRequest } from '../../mock/host/types.ts';
import { MOCK_CREDENTIALS, NARROW_CREDENTIALS } from '../../mock/providers/alibaba-mqtt/credentials.ts';
import { isForm, parseForm } from '../../mock/providers/alibaba-mqtt/form.ts';
import type { RpcCall } from '../../mock/providers/alibaba-mqtt/rpc.ts';
import { verifyV1 } from '../../mock/providers/alibaba-mqtt/sign-v1.ts';
import { signAlibabaV1 } from '../../suites/support/signing/alibaba.ts';
import { referenceVerifyV1 } from './reference/alibaba.ts';
import { accepted, changeChar, planArb, toWire, unsigned, verdict } from './requests.ts';

// mock/auth/acs-v1.ts against @alicloud/openapi-util's getRPCSignature (as the suite, pop-core
// and @alicloud/openapi-client sign) and against the check it replaced: same verdict and error.
const RUNS = Number(process.env.CERTCONFORM_AUTH_RUNS ?? 10_000);
// The official signer and the old check cost ~0.5 ms a run; a loaded 2-core machine triples it.
// Inside the properties node:assert, not expect: Playwright records every expect as a step.
test.setTimeout(300_000);

const MUTATIONS = ['signature', 'timestamp', 'nonce', 'access-key', 'param', 'added-param', 'method'] as const;
type Mutation = (typeof MUTATIONS)[number] | 'header';

/** The parameters as the mock collects them (mock/providers/alibaba-mqtt/rpc.ts): query, then form. */
function callOf(wire: WireRequest): RpcCall {
  const params: Record<string, string> = Object.create(null);
  for (const [k, v] of wire.query) params[k] = v;
  if (wire.rawBody.length > 0 && isForm(wire.headers['content-type'])) {
    const form = parseForm(wire.rawBody);
    if (form instanceof Error) throw form;
    for (const [k, v] of form) params[k] = v;
  }
  return { action: 'DeleteCaCertificate', params, wire };
}

function mutate(c: RpcCall, how: Mutation, at: number): RpcCall {
  const params: Record<string, string> = Object.assign(Object.create(null), c.params);
  const wire = { ...c.wire, headers: { ...c.wire.headers } };
  const keys = Object.keys(params).filter((k) => k !== 'Signature' && k !== '__proto__'); // no signer covers __proto__
  const change = (k: string) => (params[k] = changeChar(params[k]!, at));
  switch (how) {
    case 'signature': change('Signature'); break;
    case 'timestamp': change('Timestamp'); break;
    case 'nonce': change('SignatureNonce'); break;
    case 'access-key': params.AccessKeyId = NARROW_CREDENTIALS.accessKeyId; break;
    case 'param': change(keys[at % keys.length]!); break;
    case 'added-param': params[`zz${at}`] = ''; break;
    case 'method': wire.method = wire.method === 'GET' ? 'POST' : 'GET'; break;
    case 'header': wire.headers['x-not-signed'] = String(at); break;
  }
  return { ...c, params, wire };
}

const caseArb = fc.record({
  plan: planArb(),
  placement: fc.constantFrom('query' as const, 'form' as const),
  form: fc.array(fc.tuple(fc.constantFrom('Sn', 'a', 'MqttInstanceId', '中'), fc.string({ unit: 'grapheme', maxLength: 12 })), { maxLength: 3 }),
  securityToken: fc.option(fc.constantFrom('sts/token+=', 'CAIS'), { freq: 3 }),
  mutation: fc.constantFrom<Mutation>(...MUTATIONS, 'header'),
  at: fc.nat(),
});

test(`Alibaba V1: ${RUNS} requests signed by openapi-util are accepted; single mutations refused as the old check refuses them`, async () => {
  fc.assert(
    fc.property(caseArb, (c) => {
      const req = unsigned({ ...c.plan, query: c.plan.query ? `Action=DeleteCaCertificate&${c.plan.query}` : 'Action=DeleteCaCertificate' });
      if (c.placement === 'form' || c.form.length) {
        req.body = new URLSearchParams(c.form).toString();
        req.headers = { ...req.headers, 'content-type': 'application/x-www-form-urlencoded' };
      }
      const credentials = { ...MOCK_CREDENTIALS, ...(c.securityToken ? { securityToken: c.securityToken } : {}) };
      const call = callOf(toWire(signAlibabaV1(req, { credentials, placement: c.placement })));
      const mine = verdict(verifyV1(call));
      assert.equal(mine, accepted);
      assert.deepEqual(mine, verdict(referenceVerifyV1(call)));
      const m = mutate(call, c.mutation, c.at);
      const after = verdict(verifyV1(m));
      if (c.mutation === 'header') assert.deepEqual(after, mine);
      else assert.notEqual(after, accepted);
      assert.deepEqual(after, verdict(referenceVerifyV1(m)));
    }),
    { numRuns: RUNS },
  );
});
