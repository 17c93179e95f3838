import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../lib/paths.ts';
import { PROVIDERS } from '../../lib/providers.ts';
import { loadCatalog } from '../../lib/rules/catalog.ts';
import { cli } from './config/cli.ts';

const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const cwd = tmpdir();

test('--version answers on the program and on every command, with package.json\'s version', async () => {
  const help = await cli(cwd, ['--help']);
  const commands = [...help.out.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
  expect(commands).toEqual(expect.arrayContaining(['run', 'mock', 'lint', 'gate', 'rules', 'explain']));
  for (const args of [[], ...commands.map((c) => [c]), ['report', 'merge']]) {
    const r = await cli(cwd, [...args, '--version']);
    expect(r.code, `certconform ${args.join(' ')} --version: ${r.err}`).toBe(0);
    expect(r.out.trim(), `certconform ${args.join(' ')} --version`).toBe(VERSION);
  }
});

test('rules: the catalogs one rule a line, filtered by provider and level; --json; a bad level or provider is exit 2', async () => {
  const must = loadCatalog('huawei-scm').rules.filter((r) => r.level === 'MUST');
  const text = await cli(cwd, ['rules', 'huawei-scm', '--level', 'must']);
  expect(text.code).toBe(0);
  const lines = text.out.trim().split('\n');
  expect(lines.slice(0, -1)).toEqual(must.map((r) => expect.stringMatching(new RegExp(`^${r.id} +MUST +${r.basis} +`))));
  expect(lines.at(-1)).toContain(`${must.length} rules`);
  const json = await cli(cwd, ['rules', '--json', '--level', 'MUST,SHOULD']);
  const rows = json.out.trim().split('\n').map((l) => JSON.parse(l));
  const all = PROVIDERS.flatMap((p) => loadCatalog(p).rules.filter((r) => r.level !== 'INFO'));
  expect(rows.map((r) => r.id)).toEqual(all.map((r) => r.id));
  expect(Object.keys(rows[0])).toEqual(['id', 'provider', 'level', 'basis', 'operation', 'statement']);
  const bad = await cli(cwd, ['rules', '--level', 'MAY']);
  expect(bad.code).toBe(2);
  expect(bad.err.trim()).toBe("certconform rules: --level takes MUST, SHOULD, INFO (or several, comma-separated), got 'MAY'");
  const unknown = await cli(cwd, ['rules', 'gcp']);
  expect([unknown.code, unknown.err.trim().split('\n').length]).toEqual([2, 1]);
});

test('explain: statement, source passage, outcomes, the tests that judge the rule and the mutants that break it', async () => {
  test.setTimeout(120_000);
  const r = await cli(cwd, ['explain', 'AWSIOT-DEL-001']);
  expect(r.code, r.err).toBe(0);
  const rule = loadCatalog('aws-iot').rules.find((x) => x.id === 'AWSIOT-DEL-001')!;
  expect(r.out).toContain(`AWSIOT-DEL-001 (MUST) aws-iot DeleteCertificate`);
  expect(r.out).toContain(rule.statement);
  expect(r.out).toContain(`source: ${rule.source.file} § ${rule.source.heading}\n  "${rule.source.quote}"`);
  expect(r.out).toContain('documented outcomes: 406 CertificateStateException');
  expect(r.out).toMatch(/tests that judge it \(\d+\):\n {2}aws-iot\/delete-certificate\/active-certificate-rejected\.spec\.[jt]s > /);
  expect(r.out).toMatch(/mutants of the mock that break it \(\d+\):[\s\S]*aws-iot\/delete-active-allowed: /);
});

test('explain: an unknown rule id or something that is no rule id is one sentence and exit 2', async () => {
  const near = await cli(cwd, ['explain', 'AWSIOT-DEL-999']);
  expect(near.code).toBe(2);
  expect(near.err.trim()).toMatch(/^certconform explain: unknown rule id 'AWSIOT-DEL-999' \(near: AWSIOT-DEL-001, .*\); `certconform rules aws-iot` lists aws-iot's rules$/);
  const junk = await cli(cwd, ['explain', 'delete-active']);
  expect(junk.code).toBe(2);
  expect(junk.err.trim().split('\n')).toHaveLength(1);
  expect(junk.err).toContain('is not a rule id');
});
