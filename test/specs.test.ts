import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docsDir } from '../lib/paths.ts';
import { PROVIDERS } from '../lib/providers.ts';
import { allExamples } from '../lib/spec/examples.ts';
import { loadSpec, operation } from '../lib/spec/load.ts';
import { validatorFor } from '../lib/spec/validator.ts';

for (const provider of PROVIDERS) {
  test(`${provider}: every example validates against its schema with ajv`, () => {
    const spec = loadSpec(provider);
    const v = validatorFor(spec);
    const examples = allExamples(spec);
    // Every operation documents at least one example per success and error response.
    expect(examples.length).toBeGreaterThanOrEqual(spec.operations.size * 2);
    const failures = examples.flatMap((ex) => {
      const r = v.validate(ex.schemaAt, ex.value);
      return r.ok ? [] : [`${ex.at}: ${r.errors.join('; ')}`];
    });
    expect(failures).toEqual([]);
  });

  test(`${provider}: the validator rejects a value that breaks the spec`, () => {
    // Guards the test above: a validator that accepts everything would make it pass.
    const spec = loadSpec(provider);
    const v = validatorFor(spec);
    const errorSchemaAt = `#/components/schemas/${spec.dialect.errorSchema}`;
    expect(v.validate(errorSchemaAt, 42).ok).toBe(false);
  });
}

/** The sample response printed on the Azure DeleteCertificate page, as JSON. */
function azureSeedSample(): unknown {
  const text = readFileSync(join(docsDir(), 'seeds', 'azure-keyvault-DeleteCertificate.txt'), 'utf8');
  const after = text.split('Sample Response')[1];
  if (!after) throw new Error('the Azure seed page has no "Sample Response" heading');
  return JSON.parse(after.slice(after.indexOf('{'), after.indexOf('\nDefinitions')));
}

test('azure-keyvault: the seed page sample response validates as DeleteCertificate 200', () => {
  const spec = loadSpec('azure-keyvault');
  const ok = operation(spec, 'DeleteCertificate').responses.get('200');
  const schemaAt = ok?.content.find((c) => c.mediaType === 'application/json')?.schemaAt;
  expect(schemaAt, 'DeleteCertificate 200 has a JSON schema').toBeTruthy();
  const sample = azureSeedSample() as Record<string, unknown>;
  expect(validatorFor(spec).validate(schemaAt!, sample)).toEqual({ ok: true, errors: [] });
  // ...and the schema has teeth: the same bundle with a string deletedDate is refused.
  expect(validatorFor(spec).validate(schemaAt!, { ...sample, deletedDate: 'yesterday' }).ok).toBe(false);
});
