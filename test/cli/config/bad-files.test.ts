import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './cli.ts';

// A config file that cannot be used stops `certconform run` before anything runs: exit 2 and
// one sentence naming the file and the key by its JSON path. Table: file name, text, sentence.
const CASES: [string, string, string][] = [
  ['certconform.config.json', '{"runz": 5}', 'certconform.config.json: $.runz is not a known key (known: targets, runs,'],
  ['certconform.config.json', '{"targets": [{"provider": "aws-iot", "urll": "http://x"}]}', '$.targets[0].urll is not a known key (known: provider, url, name, credentials)'],
  ['certconform.config.json', '{"targets": [{"provider": "aws-iot"}]}', "$.targets[0] needs 'url'"],
  ['certconform.config.json', '{"targets": [{"provider": "aws-io", "url": "http://x"}]}', '$.targets[0].provider must be one of aws-iot, azure-keyvault, alibaba-mqtt, huawei-scm, got "aws-io"'],
  ['certconform.config.json', '{"targets": [{"provider": "aws-iot", "url": "ftp://x"}]}', '$.targets[0].url must match pattern'],
  ['certconform.config.json', '{"runs": "5"}', '$.runs must be integer, got "5"'],
  ['certconform.config.json', '{"runs": 0}', '$.runs must be >= 1, got 0'],
  ['certconform.config.json', '{"minScore": "high"}', '$.minScore must be number or object, got "high"'],
  ['certconform.config.json', '{"minScore": {"aws-iotx": 0.5}}', '$.minScore["aws-iotx"] is not an allowed key here'],
  ['certconform.config.json', '{"targets": [{"provider": "aws-iot", "url": "http://a"}, {"provider": "aws-iot", "url": "http://b"}]}', '$.targets[1].provider: aws-iot has a target already (targets[0]); one per provider'],
  ['certconform.config.json', '{"targets": [{"provider": "aws-iot", "url": "${CC_UNSET_URL}"}]}', '$.targets[0].url uses ${CC_UNSET_URL}, which is not set'],
  ['certconform.config.json', '{"runs": 5,', 'certconform.config.json could not be read: '],
  ['certconform.config.mjs', 'export const runs = 5;', 'certconform.config.mjs could not be read: it has no default export'],
  ['certconform.config.ts', 'const c: { seed: number } = { seed: -1 };\nexport default c;\n', 'certconform.config.ts: $.seed must be >= 0, got -1'],
];

for (const [name, text, sentence] of CASES) {
  test(`${name} ${text.replace(/\s+/g, ' ').slice(0, 70)} -> exit 2: ${sentence.slice(0, 60)}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-config-'));
    writeFileSync(join(dir, name), text);
    const r = await cli(dir, ['run', '--list']);
    expect(r.code, r.out + r.err).toBe(2);
    expect(r.err).toContain(sentence);
    expect(r.err.trim().split('\n'), 'one line, no stack trace').toHaveLength(1);
    expect(r.out).toBe('');
  });
}

test('two config files in one folder, or a --config that does not exist: exit 2, saying which', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-config-'));
  writeFileSync(join(dir, 'certconform.config.json'), '{}');
  writeFileSync(join(dir, 'certconform.config.mjs'), 'export default {};');
  const both = await cli(dir, ['run', '--list']);
  expect(both.code).toBe(2);
  expect(both.err.trim()).toBe('certconform run: certconform.config.mjs and certconform.config.json are both here: keep one, or choose with --config FILE');
  const missing = await cli(dir, ['run', '--list', '--config', 'nope.json']);
  expect(missing.code).toBe(2);
  expect(missing.err.trim()).toBe('certconform run: --config: no file nope.json');
});
