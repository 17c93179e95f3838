import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../lib/paths.ts';
import { PROVIDERS } from '../../../lib/providers.ts';

// The published JSON Schema names the providers for editors; lib/providers.ts is the vocabulary.
test('the config schema lists exactly the known providers, for targets and for minScore keys', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'cli', 'config', 'certconform.config.schema.json'), 'utf8'));
  expect(schema.properties.targets.items.properties.provider.enum).toEqual([...PROVIDERS]);
  const keys = schema.properties.minScore.oneOf[1].propertyNames.pattern as string;
  expect(keys).toBe(`^(${PROVIDERS.join('|')})(@[A-Za-z0-9._:-]+)?$`);
});

test('package.json publishes the schema where the exports map says', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.exports['./config.schema.json']).toBe('./dist/cli/config/certconform.config.schema.json');
});
