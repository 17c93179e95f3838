import fc from 'fast-check';
import { loadSpec } from '../../../lib/spec/load.ts';
import { invalidValueArb } from '../../support/negative/arbitrary.ts';
import { negativeCases } from '../../support/negative/cases.ts';
import { rules } from '../../support/rules.ts';
import { freshBody } from '../support/bodies.ts';
import { neverExistedId } from '../support/names.ts';
import { test } from '../support/test.ts';
import { badInputOutcomes, ruleFor } from './targets.ts';

// Deterministic boundary pass: every invalid input the spec's constraints imply, one test each.
// X-Auth-Token is left out: a short token on a signed request mixes two credentials; the
// token rule (HWSCM-AUTH-002) has its own unsigned test. ShowCertificate's id is documented
// without constraints, so it has no case.
const spec = loadSpec('huawei-scm');
const SKIP = ['X-Auth-Token'];

for (const op of ['DeleteCertificate', 'ShowCertificate', 'ListCertificates']) {
  const valid = op === 'ListCertificates' ? { query: { limit: 10 } } : { path: { certificate_id: neverExistedId(5) } };
  for (const c of negativeCases(spec, op, SKIP)) {
    const ruleId = ruleFor(op, c);
    test(`boundary: ${c.title}`, rules([ruleId], '@readonly'), async ({ api, check }) => {
      const ex = await api.call(op, c.apply(valid), { label: c.title });
      check.outcome(ruleId, ex, ruleId === 'HWSCM-SPEC-002' ? badInputOutcomes(spec, op) : undefined);
    });
  }
}

// ImportCertificate cases start from a valid upload of a fresh certificate; a target that
// wrongly accepts one gets it recorded and deleted by the scm fixture.
for (const c of negativeCases(spec, 'ImportCertificate', SKIP)) {
  const ruleId = ruleFor('ImportCertificate', c);
  test(`boundary: ${c.title}`, rules([ruleId]), async ({ scm, check, info }) => {
    const valid = { body: await freshBody(info.runId, 'neg') };
    const { ex } = await scm.import(c.apply(valid).body as never, { label: c.title });
    check.outcome(ruleId, ex, ruleId === 'HWSCM-SPEC-002' ? badInputOutcomes(spec, 'ImportCertificate') : undefined);
  });
}

// Random pass: fast-check over invalid values of the three constrained parameters, seeded
// with the run's seed (the failure message names seed and path).
const wrongLengthId = invalidValueArb(spec, 'DeleteCertificate', 'path', 'certificate_id').map(String);
const wrongLimit = invalidValueArb(spec, 'ListCertificates', 'query', 'limit');
const badName = invalidValueArb(spec, 'ImportCertificate', 'body', 'name').map(String);
const runsOf = (n: number) => Math.min(n, 20);

test('random: DeleteCertificate ids of any length but the documented one are refused', rules(['HWSCM-DEL-005'], '@readonly'), async ({ api, check, info }) => {
  await fc.assert(
    fc.asyncProperty(wrongLengthId, async (id) => check.outcome('HWSCM-DEL-005', await api.call('DeleteCertificate', { path: { certificate_id: id } }))),
    { seed: info.seed, numRuns: runsOf(info.runs) },
  );
});

test('random: ListCertificates page sizes other than the documented ones are refused', rules(['HWSCM-LST-001'], '@readonly'), async ({ api, check, info }) => {
  await fc.assert(
    fc.asyncProperty(wrongLimit, async (limit) => check.outcome('HWSCM-LST-001', await api.call('ListCertificates', { query: { limit } }))),
    { seed: info.seed, numRuns: runsOf(info.runs) },
  );
});

test('random: ImportCertificate names outside the documented length and characters are refused', rules(['HWSCM-IMP-007']), async ({ scm, check, info }) => {
  const body = await freshBody(info.runId, 'neg-rand');
  await fc.assert(
    fc.asyncProperty(badName, async (name) => check.outcome('HWSCM-IMP-007', (await scm.import({ ...body, name })).ex)),
    { seed: info.seed, numRuns: runsOf(info.runs) },
  );
});
