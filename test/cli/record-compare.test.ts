import { expect, test } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findMutant } from '../../mock/mutants/index.ts';
import { awsEnv, cli, startMock, type Ran } from './support/cli.ts';

// `certconform run --record` and `--compare` from outside, on aws-iot: the built-in mock recorded
// and compared with itself (two seeds), then a mutant (`certconform mock --mutant`) compared.
const RUN = ['run', 'aws-iot', '--runs', '5', '--workers', '2'];
const MUTANT = 'aws-iot/delete-ignores-things';
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
const summary = (r: Ran) => /compared with the recording .*: (\d+) tests, (\d+) diverging \((\d+) divergences?\)/.exec(r.out);
interface Divergences { divergences: { test: string; operation: string; step?: number; curl?: string }[] }
const divergences = (r: Ran) => JSON.parse(readFileSync(join(r.dir, 'divergences.json'), 'utf8')) as Divergences;

test.describe.configure({ mode: 'serial' });
const recordings: Record<string, string> = {};

for (const seed of ['5', '6']) {
  test(`seed ${seed}: the built-in mock recorded, then compared with itself: zero divergences`, async () => {
    test.setTimeout(300_000);
    const rec = await cli([...RUN, '--seed', seed, '--record', mkdtempSync(join(tmpdir(), 'cc-rec-'))]).exited;
    expect(rec.code, rec.out.slice(-2000)).toBe(0);
    const dir = /^recording: (\S+) \((\d+) tests, seed (\d+)\)/m.exec(rec.out);
    expect(dir, rec.out.slice(-1000)).not.toBeNull();
    expect(dir![3]).toBe(seed);
    recordings[seed] = dir![1]!;
    const all = files(dir![1]!);
    expect(all.length).toBe(Number(dir![2]) + 1); // one file per test and the manifest
    // The seed and runs come from the recording: none given here.
    const cmp = await cli(['run', 'aws-iot', '--workers', '2', '--compare', dir![1]!]).exited;
    expect(cmp.code, cmp.out.slice(-3000)).toBe(0);
    expect(cmp.out).toContain(`(seed ${seed})`);
    expect(summary(cmp)?.slice(1), cmp.out.slice(-3000)).toEqual([dir![2], '0', '0']);
    expect(divergences(cmp).divergences).toEqual([]);
  });
}

test('a mutant: the divergences point at the mutated operation, with the curl line; --fail-on-divergence keeps exit 1', async () => {
  test.setTimeout(300_000);
  const mock = await startMock(['aws-iot', '--mutant', MUTANT]);
  let r: Ran;
  try {
    const m = mock.lines[0]!;
    r = await cli(['run', 'aws-iot', '--workers', '2', '--compare', recordings['5']!, '--target', `aws-iot=${m.url}`, '--fail-on-divergence'], awsEnv(m)).exited;
    expect(r.code, r.out.slice(-3000)).toBe(1);
    // No secret of the target in what the comparison wrote.
    const written = files(join(r.dir, 'received')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(written).not.toContain(m.credentials.secretAccessKey);
    expect(written).not.toMatch(/Signature=[0-9a-f]{16}/);
  } finally {
    mock.stop();
  }
  const d = divergences(r).divergences;
  expect(d.length).toBeGreaterThan(0);
  // Per diverging test, its first divergence is the mutated operation's answer.
  const first = new Map<string, (typeof d)[number]>();
  for (const x of d) if (!first.has(x.test)) first.set(x.test, x);
  // The mutated operation first; a listing may diverge first in another test that ran beside it on
  // the shared target (the certificates the mutant let go are missing from its pages).
  const firsts = new Set([...first.values()].map((x) => x.operation));
  expect(firsts.has('DeleteCertificate')).toBe(true);
  expect([...firsts].filter((op) => op !== 'DeleteCertificate' && op !== 'ListCertificates')).toEqual([]);
  expect([...first.keys()].some((t) => t.startsWith('aws-iot/delete-certificate/thing-attached-rejected.spec.'))).toBe(true);
  const deletes = [...first.values()].filter((x) => x.operation === 'DeleteCertificate');
  expect(deletes.every((x) => x.curl?.startsWith('curl ') && x.curl.includes('-X DELETE'))).toBe(true);
  expect(r.out).toMatch(/^ {4}step \d+ .*DeleteCertificate: recorded 409 DeleteConflictException, received 200/m);
  expect(r.out).toMatch(/MUST rule not met: AWSIOT-DEL-002@127\.0\.0\.1:\d+; \d+ divergences? from the recording .*exit 1$/m);
  expect(findMutant(MUTANT).rules).toEqual(['AWSIOT-DEL-002']);
});

test('documented alternatives (mock --vary) pass every rule and diverge: informational, exit 1 only with --fail-on-divergence', async () => {
  test.setTimeout(300_000);
  const vary = { CERTCONFORM_MOCK_ARGS: '--vary only=status --vary-seed 3' };
  const plain = await cli(['run', 'aws-iot', '--workers', '2', '--compare', recordings['5']!], vary).exited;
  expect(plain.code, plain.out.slice(-3000)).toBe(0);
  expect(Number(summary(plain)?.[3]), plain.out.slice(-3000)).toBeGreaterThan(0);
  expect(plain.out).toMatch(/recorded 401 UnauthorizedException, received 403 \w+Exception/);
  const strict = await cli(['run', 'aws-iot', '--workers', '2', '--compare', recordings['5']!, '--fail-on-divergence'], vary).exited;
  expect(strict.code, strict.out.slice(-3000)).toBe(1);
  expect(strict.out).toMatch(/certconform run: \d+ divergences? from the recording \(--fail-on-divergence\); every MUST rule that ran passed \(seed 5\); exit 1$/m);
});

test('usage errors are one sentence and exit 2, before anything runs', async () => {
  const cases: [string[], string][] = [
    [[...RUN, '--record', '/tmp/x', '--compare', recordings['5']!], '--record and --compare go in separate runs'],
    [[...RUN, '--fail-on-divergence'], '--fail-on-divergence goes with --compare DIR'],
    [[...RUN, '--compare', '/nonexistent/rec'], 'holds no recording'],
    [[...RUN, '--compare', recordings['5']!, '--seed', '99'], 'the recording ran with --seed 5'],
  ];
  for (const [args, sentence] of cases) {
    const r = await cli(args).exited;
    expect(r.code, r.out).toBe(2);
    expect(r.out).toContain(sentence);
    expect(r.out.trim().split('\n')).toHaveLength(1);
  }
});
