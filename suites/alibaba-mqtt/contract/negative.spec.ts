import fc from 'fast-check';
import { test } from '../../support/fixtures.ts';
import { invalidValueArb, constraintOf } from '../../support/negative/arbitrary.ts';
import { negativeCases } from '../../support/negative/cases.ts';
import { rules } from '../../support/rules.ts';
import { loadSpec } from '../../../lib/spec/load.ts';
import { cleanupCas, PROVIDER } from '../support/ca.ts';
import { instanceOf, SIGNER_PARAMS } from '../support/instance.ts';
import { baseline, ruleFor } from './baseline.ts';

const spec = loadSpec('alibaba-mqtt');
/** The Sn limit rules accept every documented refusal; ALIMQTT-DEL-013 judges the exact code. */
const SN_LIMIT = ['ALIMQTT-DEL-006', 'ALIMQTT-DEL-007'];
const CODE_RULE = 'ALIMQTT-DEL-013';

// Deterministic boundary pass: every constraint the spec documents, broken one at a time.
for (const operationId of spec.operations.keys()) {
  for (const c of negativeCases(spec, operationId, SIGNER_PARAMS)) {
    const ruleId = ruleFor(operationId, c);
    const tags = operationId === 'RegisterCaCertificate' ? [] : ['@readonly'];
    const ids = SN_LIMIT.includes(ruleId) ? [ruleId, CODE_RULE] : [ruleId];
    test(`contract: ${c.title}`, rules(ids, ...tags), async ({ api, check, ledger, info }) => {
      const ex = await api.call(operationId, c.apply(await baseline(api, operationId, info.runId)), { label: `${operationId} (${c.constraint} ${c.name})` });
      const sn = ex.status === 200 ? (ex.body as { Sn?: string } | undefined)?.Sn : undefined;
      if (operationId === 'RegisterCaCertificate' && sn) ledger.created(PROVIDER, 'ca', sn, { instanceId: instanceOf(api.target) });
      try {
        for (const id of ids) check.outcome(id, ex);
      } finally {
        if (operationId === 'RegisterCaCertificate' && sn) await cleanupCas(api, ledger, [sn]);
      }
    });
  }
}

// Random pass: serial numbers over the spec's byte limit, of any mix of characters, on delete.
test('contract (random): DeleteCaCertificate refuses every Sn over its byte limit', rules([...SN_LIMIT, CODE_RULE], '@readonly'), async ({ api, check, info }) => {
  const spec = loadSpec('alibaba-mqtt');
/** The Sn limit rules accept every documented refusal; ALIMQTT-DEL-013 judges the exact code. */
const SN_LIMIT = ['ALIMQTT-DEL-006', 'ALIMQTT-DEL-007'];
const CODE_RULE = 'ALIMQTT-DEL-013';
  const { schema } = constraintOf(spec, 'DeleteCaCertificate', 'query', 'Sn');
  const maxBytes = schema['x-maxBytes'] as number;
  const maxChars = schema.maxLength as number;
  const sn = invalidValueArb(spec, 'DeleteCaCertificate', 'query', 'Sn').map(String).filter((s) => Buffer.byteLength(s) > maxBytes);
  await fc.assert(
    fc.asyncProperty(sn, async (value) => {
      const ex = await api.call('DeleteCaCertificate', { query: { MqttInstanceId: instanceOf(api.target), Sn: value } }, { label: `Sn of ${Buffer.byteLength(value)} bytes, ${[...value].length} chars` });
      check.outcome(value.length > maxChars ? 'ALIMQTT-DEL-006' : 'ALIMQTT-DEL-007', ex);
      check.outcome(CODE_RULE, ex);
    }),
    { seed: info.seed, numRuns: Math.min(info.runs, 20) },
  );
});

// Random pass: page sizes the spec's PageSize pattern refuses.
test('contract (random): ListCaCertificate refuses every PageSize outside the documented range', rules(['ALIMQTT-LST-001'], '@readonly'), async ({ api, check, info }) => {
  const size = invalidValueArb(loadSpec('alibaba-mqtt'), 'ListCaCertificate', 'query', 'PageSize');
  await fc.assert(
    fc.asyncProperty(size, async (n) => {
      check.outcome('ALIMQTT-LST-001', await api.call('ListCaCertificate', { query: { MqttInstanceId: instanceOf(api.target), PageNo: '1', PageSize: String(n) } }, { label: `PageSize ${n}` }));
    }),
    { seed: info.seed, numRuns: Math.min(info.runs, 20) },
  );
});
