import { expect, test } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../../../lib/paths.ts';
import { startMock, stopMocksAfterEach } from '../../state/mock-process.ts';
import { cli } from './cli.ts';

stopMocksAfterEach();

/** Tests per target in `run --list` output: `aws-iot@moto: 3 tests, ...` -> { 'aws-iot@moto': 3 }. */
const listed = (out: string) => Object.fromEntries([...out.matchAll(/^(\S+@\S+): (\d+) tests/gm)].map((m) => [m[1], Number(m[2])]));

test('run --list reads certconform.config.mjs from the working directory: its targets (with names) and grep; flags win', async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'cc-config-'));
  // A port nobody listens on: --list sends nothing, so it never notices.
  writeFileSync(
    join(dir, 'certconform.config.mjs'),
    `export default { targets: [{ provider: 'aws-iot', url: 'http://127.0.0.1:9', name: 'moto' }], grep: 'AWSIOT-DEL-001' };\n`,
  );
  const fromFile = await cli(dir, ['run', '--list']);
  expect(fromFile.code, fromFile.err).toBe(0);
  const byFile = listed(fromFile.out);
  expect(Object.keys(byFile)).toEqual(['aws-iot@moto']);
  expect(fromFile.out).toContain('[AWSIOT-DEL-001');
  expect(fromFile.out).not.toContain('REG-001]');

  // --grep on the command line replaces the file's; --target replaces its targets.
  const flags = await cli(dir, ['run', '--list', '--grep', 'AWSIOT-REG-001', '--target', 'aws-iot:emu=http://127.0.0.1:9']);
  expect(flags.code, flags.err).toBe(0);
  expect(Object.keys(listed(flags.out))).toEqual(['aws-iot@emu']);
  expect(flags.out).toMatch(/\[[^\]]*AWSIOT-REG-001/);
  expect(flags.out).not.toMatch(/active-certificate-rejected/);
});

test('a certconform.config.ts with defineConfig, ${ENV} credentials and a reportDir relative to it drives a real run; --report-dir wins', async () => {
  test.setTimeout(300_000);
  const mock = await startMock(['huawei-scm'], []);
  const line = mock.lines['huawei-scm']!;
  const dir = mkdtempSync(join(tmpdir(), 'cc-config-'));
  const cwd = join(dir, 'elsewhere');
  mkdirSync(cwd);
  const index = pathToFileURL(join(ROOT, 'index.ts')).href;
  writeFileSync(
    join(dir, 'conf.ts'),
    [
      `import { defineConfig } from '${index}';`,
      'export default defineConfig({',
      "  targets: [{ provider: 'huawei-scm', url: '${CC_TEST_URL}', name: 'viaconfig',",
      "    credentials: { HUAWEICLOUD_SDK_AK: '${CC_TEST_AK}', HUAWEICLOUD_SDK_SK: '${CC_TEST_SK}' } }],",
      "  grep: 'HWSCM-DEL-001', runs: 2, seed: 7, reportDir: 'out',",
      '});',
    ].join('\n'),
  );
  const env = { CC_TEST_URL: line.url, CC_TEST_AK: line.credentials.ak!, CC_TEST_SK: line.credentials.sk! };
  const r = await cli(cwd, ['run', '--config', '../conf.ts'], env);
  expect(r.code, r.out + r.err).toBe(0);
  expect(r.out).toContain('huawei-scm@viaconfig: credentials from environment variables (AK/SK');
  expect(r.out).toContain('(seed 7); exit 0');
  const report = JSON.parse(readFileSync(join(dir, 'out', 'conformance.json'), 'utf8'));
  expect(report.run.targets.map((t: { project: string }) => t.project)).toEqual(['huawei-scm@viaconfig']);
  expect(report.rules.find((x: { id: string }) => x.id === 'HWSCM-DEL-001').outcome).toBe('passed');
  expect(JSON.stringify(report), 'the secret key from the environment is not in the report').not.toContain(line.credentials.sk);

  const other = join(dir, 'flag-dir');
  const flagged = await cli(cwd, ['run', '--config', '../conf.ts', '--report-dir', other, '--seed', '8'], env);
  expect(flagged.code, flagged.out + flagged.err).toBe(0);
  expect(flagged.out).toContain('(seed 8); exit 0');
  expect(existsSync(join(other, 'conformance.json'))).toBe(true);
  await mock.stop();
});
