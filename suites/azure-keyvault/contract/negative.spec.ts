import fc from 'fast-check';
import type { Outcome } from '../../../lib/rules/catalog.ts';
import { selfSigned } from '../../support/certs/generate.ts';
import { azureImportBody } from '../../support/certs/import-bodies.ts';
import type { CallInput } from '../../support/http/wire.ts';
import { invalidValueArb } from '../../support/negative/arbitrary.ts';
import { negativeCases, type NegativeCase } from '../../support/negative/cases.ts';
import { rules } from '../../support/rules.ts';
import { loadSpec } from '../../../lib/spec/load.ts';
import { certName } from '../support/names.ts';
import { test } from '../support/test.ts';

const spec = loadSpec('azure-keyvault');
const BAD_REQUEST: Outcome[] = [{ status: 400 }];
const NEVER = 'ccnegativenever0';
const VERSION = '0123456789abcdef0123456789abcdef';

/**
 * Harness workaround: restUrl fills a pinned query parameter (api-version) back in when
 * its key is absent, so a 'required' case must keep the key with an undefined value.
 */
function leaveOut(c: NegativeCase, input: CallInput): CallInput {
  if (c.constraint !== 'required' || c.where !== 'query') return input;
  return { ...input, query: { ...input.query, [c.name]: undefined } };
}

/** The catalog rule for a case where one covers that parameter, else SPEC-002 (any 400). */
function ruleFor(operationId: string, c: NegativeCase): string {
  if (c.name === 'maxresults') return operationId === 'GetCertificates' ? 'AZKV-LST-003' : 'AZKV-LST-004';
  if (operationId === 'DeleteCertificate' && c.name === 'api-version' && c.constraint === 'required') return 'AZKV-FMT-001';
  if (operationId === 'ImportCertificate' && c.name === 'certificate-name') return 'AZKV-IMP-003';
  if (operationId === 'ImportCertificate' && c.name === 'value' && c.constraint === 'required') return 'AZKV-IMP-004';
  return 'AZKV-SPEC-002';
}

// Valid baselines: reads and deletes aim at a name that does not exist (so a case that slips
// through changes nothing and answers 404, not 400); imports carry a real certificate and key.
const byName = { path: { 'certificate-name': NEVER } };
const baselines: Record<string, CallInput | 'import'> = {
  GetCertificates: {},
  GetDeletedCertificates: {},
  DeleteCertificate: byName,
  GetCertificate: byName,
  GetCertificatePolicy: byName,
  GetCertificateVersion: { path: { 'certificate-name': NEVER, 'certificate-version': VERSION } },
  GetDeletedCertificate: byName,
  PurgeDeletedCertificate: byName,
  RecoverDeletedCertificate: byName,
  ImportCertificate: 'import',
};

for (const [operationId, baseline] of Object.entries(baselines)) {
  for (const c of negativeCases(spec, operationId)) {
    const ruleId = ruleFor(operationId, c);
    const readonly = baseline === 'import' ? [] : ['@readonly'];
    test(`contract: ${c.title} is refused with 400`, rules([ruleId], ...readonly), async ({ api, check, vault }) => {
      let valid = baseline as CallInput;
      if (baseline === 'import') {
        const name = vault.newName('neg');
        vault.track(name); // deleted again should a broken target accept the case
        valid = { path: { 'certificate-name': name }, body: azureImportBody(await selfSigned({ ca: false })) };
      }
      const input = leaveOut(c, c.apply(valid));
      if (baseline === 'import' && input.path?.['certificate-name']) vault.track(input.path['certificate-name']);
      const ex = await api.call(operationId, input, { label: `${operationId} with ${c.constraint} broken` });
      check.outcome(ruleId, ex, ruleId === 'AZKV-SPEC-002' ? BAD_REQUEST : undefined);
    });
  }
}

// Random pass: invalid values fast-check draws (seeded with the run's seed) from the spec's
// constraints: maxresults outside its range or not an integer, names outside the pattern.

for (const [operationId, ruleId] of [['GetCertificates', 'AZKV-LST-003'], ['GetDeletedCertificates', 'AZKV-LST-004']] as const) {
  test(`contract (random): ${operationId} refuses maxresults outside the documented range`, rules([ruleId], '@readonly'), async ({ api, check, info }) => {
    await fc.assert(
      fc.asyncProperty(invalidValueArb(spec, operationId, 'query', 'maxresults').map(String), async (maxresults) => check.outcome(ruleId, await api.call(operationId, { query: { maxresults } }, { label: `${operationId} maxresults=${maxresults}` }))),
      { seed: info.seed, numRuns: 12 },
    );
  });
}

test('contract (random): ImportCertificate refuses names outside ^[0-9a-zA-Z-]+$', rules(['AZKV-IMP-003']), async ({ api, check, info, vault }) => {
  const body = azureImportBody(await selfSigned({ ca: false }));
  await fc.assert(
    fc.asyncProperty(invalidValueArb(spec, 'ImportCertificate', 'path', 'certificate-name', { prefix: certName(info.runId, 'rnd') }).map(String), async (name) => {
      vault.track(name);
      check.outcome('AZKV-IMP-003', await api.call('ImportCertificate', { path: { 'certificate-name': name }, body }, { label: `ImportCertificate name ${JSON.stringify(name)}` }));
    }),
    { seed: info.seed, numRuns: 12 },
  );
});
