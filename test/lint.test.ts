import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { lintFiles } from '../cli/lint.ts';
import { ROOT, specFile } from '../lib/paths.ts';
import { PROVIDERS } from '../lib/providers.ts';

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', 'broken', name);

test('every provider spec lints clean with the house ruleset', async () => {
  const errors = (await lintFiles(PROVIDERS.map(specFile))).filter((f) => f.severity === 'error');
  expect(errors.map((e) => `${e.file}:${e.line} ${e.code} ${e.message}`)).toEqual([]);
});

test('each house rule fires on the broken fixture, at the offending line', async () => {
  const findings = (await lintFiles([fixture('spec.yaml'), fixture('no-dialect.yaml')])).filter(
    (f) => f.severity === 'error',
  );
  const seen = findings.map((f) => `${f.file.split('/').pop()}:${f.line} ${f.code}`);
  expect(seen).toEqual(
    expect.arrayContaining([
      'rules.yaml:5 certconform-rule-operations',
      'rules.yaml:16 certconform-rule-operations',
      'spec.yaml:19 certconform-path-param-constraints',
      'spec.yaml:27 certconform-error-responses',
      'spec.yaml:33 oas3-valid-media-example',
      'spec.yaml:36 certconform-x-source',
      'spec.yaml:36 operation-operationId',
      'spec.yaml:40 certconform-error-responses',
      'no-dialect.yaml:3 certconform-dialect',
    ]),
  );
  const messages = findings.map((f) => f.message).join('\n');
  expect(messages).toContain("names operation 'DeleteThing', which the spec lacks");
  expect(messages).toContain('accepts status 418, which GetThing does not document');
  expect(messages).toContain('does not declare the x-amzn-ErrorType header');
});
