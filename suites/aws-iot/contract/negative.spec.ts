import fc from 'fast-check';
import type { Outcome } from '../../../lib/rules/catalog.ts';
import { loadSpec } from '../../../lib/spec/load.ts';
import { sha256Hex } from '../../support/certs/fingerprint.ts';
import type { Exchange } from '../../support/http/exchange.ts';
import type { CallInput } from '../../support/http/wire.ts';
import { invalidValueArb } from '../../support/negative/arbitrary.ts';
import { negativeCases, type NegativeCase } from '../../support/negative/cases.ts';
import { rules } from '../../support/rules.ts';
import { test } from '../helpers/fixtures.ts';
import type { Sandbox } from '../helpers/sandbox.ts';
import { baseline } from './baselines.ts';

const spec = loadSpec('aws-iot');
const INVALID: Outcome = { status: 400, code: 'InvalidRequestException' };
// Where the documentation names another 400 for the member (an unparsable PEM, a bad policy).
const ALSO: Record<string, Outcome[]> = {
  'RegisterCertificateWithoutCA body certificatePem': [{ status: 400, code: 'CertificateValidationException' }],
  'CreatePolicy body policyDocument': [{ status: 400, code: 'MalformedPolicyException' }],
};
/** The catalog rule that covers a parameter, else the generic constraint rule. */
const ruleFor = (op: string, c: NegativeCase) => (op === 'DeleteCertificate' && c.name === 'certificateId' ? 'AWSIOT-DEL-013' : 'AWSIOT-SPEC-002');

/** A creating operation the target wrongly accepted leaves something to delete. */
function trackAccepted(op: string, input: CallInput, ex: Exchange, sandbox: Sandbox): void {
  if (ex.status !== 200) return;
  if (op === 'CreateThing') sandbox.track('thing', input.path!.thingName!);
  if (op === 'CreatePolicy') sandbox.track('policy', input.path!.policyName!);
  const pem = (input.body as { certificatePem?: unknown } | undefined)?.certificatePem;
  if (op === 'RegisterCertificateWithoutCA' && typeof pem === 'string') sandbox.track('certificate', sha256Hex(pem));
}

const READONLY = new Set([
  ...['DescribeCertificate', 'DeleteCertificate', 'UpdateCertificate', 'ListCertificates'],
  ...['DescribeThing', 'DeleteThing', 'ListThingPrincipals', 'AttachThingPrincipal', 'DetachThingPrincipal', 'ListPrincipalThings'],
  ...['GetPolicy', 'DeletePolicy', 'AttachPolicy', 'DetachPolicy', 'DetachPrincipalPolicy', 'ListAttachedPolicies'],
]);

for (const op of spec.operations.keys()) {
  for (const c of negativeCases(spec, op)) {
    const ruleId = ruleFor(op, c);
    test(`contract: ${c.title} is refused with 400`, rules([ruleId], ...(READONLY.has(op) ? ['@readonly'] : [])), async ({ api, check, sandbox }) => {
      const input = c.apply(await baseline(op, sandbox));
      const ex = await api.call(op, input, { label: c.title });
      trackAccepted(op, input, ex, sandbox);
      check.outcome(ruleId, ex, [INVALID, ...(ALSO[`${op} ${c.where} ${c.name}`] ?? [])]);
    });
  }
}

/** Random ids that break the spec's certificateId constraints (length, hex pattern). */
const badId = invalidValueArb(loadSpec('aws-iot'), 'DeleteCertificate', 'path', 'certificateId').map(String);

test('contract (random): certificate ids that break the documented id constraints are refused with 400', rules(['AWSIOT-DEL-013', 'AWSIOT-SPEC-002'], '@readonly'), async ({ api, check, info }) => {
  await fc.assert(
    fc.asyncProperty(badId, fc.constantFrom('DeleteCertificate', 'DescribeCertificate'), async (id, op) => {
      const ex = await api.call(op, { path: { certificateId: id } }, { label: `${op} id ${JSON.stringify(id.slice(0, 20))}` });
      check.outcome(op === 'DeleteCertificate' ? 'AWSIOT-DEL-013' : 'AWSIOT-SPEC-002', ex, [INVALID]);
    }),
    { seed: info.seed, numRuns: Math.min(info.runs, 30) },
  );
});

test('contract (random): page sizes outside the documented range are refused with 400', rules(['AWSIOT-SPEC-002'], '@readonly'), async ({ api, check, info }) => {
  await fc.assert(
    fc.asyncProperty(invalidValueArb(loadSpec('aws-iot'), 'ListCertificates', 'query', 'pageSize'), async (pageSize) => {
      check.outcome('AWSIOT-SPEC-002', await api.call('ListCertificates', { query: { pageSize } }, { label: `ListCertificates pageSize=${pageSize}` }), [INVALID]);
    }),
    { seed: info.seed, numRuns: Math.min(info.runs, 20) },
  );
});
