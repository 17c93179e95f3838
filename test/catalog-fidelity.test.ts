import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadCatalog } from '../lib/rules/catalog.ts';
import { fidelityProblems, type RuleBasis } from '../lib/rules/fidelity.ts';

// The fidelity lint over small in-memory catalogs: what passes, and what each broken principle
// says (naming the rule). The real catalogs go through the same function in catalog.test.ts.
const SEED = 'seeds/aws-iot-DeleteCertificate.txt';
const REF = 'reference/official-models.md';
const rule = (id: string, level: string, basis: string | undefined, file = SEED): RuleBasis =>
  ({ id, level, ...(basis === undefined ? {} : { basis }), source: { file } });

const cases: { name: string; catalog: { rules: RuleBasis[] }; errors: string[] }[] = [
  {
    name: 'MUST on a seed page, SHOULD on reference and sdk, emulator and inference at SHOULD or INFO',
    catalog: { rules: [
      rule('AWSIOT-DEL-001', 'MUST', 'seed'),
      rule('AWSIOT-DEL-002', 'SHOULD', 'reference', REF),
      rule('AWSIOT-DEL-003', 'SHOULD', 'sdk', REF),
      rule('AWSIOT-DEL-004', 'SHOULD', 'emulator', REF),
      rule('AWSIOT-DEL-005', 'INFO', 'emulator', REF),
      rule('AWSIOT-DEL-006', 'SHOULD', 'inference', SEED),
      rule('AWSIOT-DEL-007', 'SHOULD', 'seed'),
      rule('AWSIOT-DEL-008', 'INFO', 'reference', SEED),
    ] },
    errors: [],
  },
  {
    name: 'a rule without a basis, and one with a basis outside the closed list',
    catalog: { rules: [rule('AZKV-DEL-001', 'SHOULD', undefined), rule('AZKV-DEL-002', 'INFO', 'observed')] },
    errors: [
      'AZKV-DEL-001: no basis (one of seed, reference, sdk, emulator, inference)',
      "AZKV-DEL-002: unknown basis 'observed' (one of seed, reference, sdk, emulator, inference)",
    ],
  },
  {
    name: 'MUST on reference material or SDK behaviour',
    catalog: { rules: [rule('AWSIOT-AUTH-001', 'MUST', 'reference'), rule('AWSIOT-AUTH-002', 'MUST', 'sdk')] },
    errors: [
      'AWSIOT-AUTH-001: MUST on basis reference: official material beyond the seeds and SDK behaviour carry SHOULD at most',
      'AWSIOT-AUTH-002: MUST on basis sdk: official material beyond the seeds and SDK behaviour carry SHOULD at most',
    ],
  },
  {
    name: 'MUST on an emulator or an inference (whatever page it quotes)',
    catalog: { rules: [rule('AWSIOT-REG-007', 'MUST', 'emulator'), rule('AWSIOT-DEL-006', 'MUST', 'inference')] },
    errors: [
      "AWSIOT-REG-007: MUST on basis emulator: an emulator's behaviour or an inference is never above SHOULD",
      "AWSIOT-DEL-006: MUST on basis inference: an emulator's behaviour or an inference is never above SHOULD",
    ],
  },
  {
    name: 'MUST with basis seed that cites a reference file',
    catalog: { rules: [rule('HWSCM-DEL-003', 'MUST', 'seed', REF)] },
    errors: [`HWSCM-DEL-003: MUST cites ${REF}: a MUST needs a seed page (seeds/) that states the behaviour`],
  },
  {
    name: 'MUST that breaks both: reference basis and a reference file',
    catalog: { rules: [rule('ALIMQTT-AUTH-002', 'MUST', 'reference', REF)] },
    errors: [
      'ALIMQTT-AUTH-002: MUST on basis reference: official material beyond the seeds and SDK behaviour carry SHOULD at most',
      `ALIMQTT-AUTH-002: MUST cites ${REF}: a MUST needs a seed page (seeds/) that states the behaviour`,
    ],
  },
  {
    name: 'MUST without a basis is named for the missing basis',
    catalog: { rules: [rule('AZKV-PUR-001', 'MUST', undefined)] },
    errors: ['AZKV-PUR-001: no basis (one of seed, reference, sdk, emulator, inference)'],
  },
  {
    name: 'basis seed below MUST still cites a seed page',
    catalog: { rules: [rule('AZKV-DEL-008', 'SHOULD', 'seed', REF)] },
    errors: [`AZKV-DEL-008: basis seed, but its source ${REF} is not a seed page (seeds/)`],
  },
];

for (const c of cases) {
  test(`fidelity lint: ${c.name}`, () => {
    expect(fidelityProblems(c.catalog.rules)).toEqual(c.errors);
  });
}

test('the loader refuses a catalog whose rules lack a basis, naming each rule by pointer and id', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-catalog-'));
  try {
    const entry = (id: string, basis?: string) => ({
      id, level: 'MUST', ...(basis ? { basis } : {}), operation: 'DeleteCertificate', category: 'precondition',
      statement: 'An ACTIVE certificate cannot be deleted.', outcomes: [{ status: 406 }],
      source: { file: SEED, heading: 'DeleteCertificate', quote: 'if its status is set to ACTIVE' },
    });
    const file = join(dir, 'aws-iot.yaml');
    writeFileSync(file, stringify({ provider: 'aws-iot', rules: [entry('AWSIOT-DEL-001', 'seed'), entry('AWSIOT-DEL-002'), entry('AWSIOT-DEL-003', 'hearsay')] }));
    expect(() => loadCatalog('aws-iot', file)).toThrow(
      `${file}: not a valid rule catalog: /rules/1 (AWSIOT-DEL-002) must have required property 'basis'; ` +
      '/rules/2/basis (AWSIOT-DEL-003) must be equal to one of the allowed values');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
