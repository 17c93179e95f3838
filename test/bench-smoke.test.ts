import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../lib/paths.ts';

/** `npm run bench:quick`, as the package script runs it: exit code and output. */
function benchQuick(args: string[] = ['--quick']): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'main.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

// A smoke check that the benchmark still works, not a timing assertion: every section runs
// (exit 2 if one cannot), every load got the answers its workload expects (no INVALID row) and
// the table has each figure. Whether a target is met (exit 0 or 1) is left to `npm run bench`.
test('npm run bench:quick runs every section and prints the whole table', async () => {
  test.setTimeout(300_000); // process start-ups (four mocks, Prism, Playwright) on a shared 2-core machine
  const { code, out, err } = await benchQuick();
  expect(code, err).not.toBe(2);
  expect([0, 1]).toContain(code);
  expect(out).toMatch(/^certconform benchmarks \(quick: indicative only\)/);
  expect(out).toMatch(/machine at start: \d+ cores .* node v\d+/);
  expect(out).not.toContain('INVALID');
  for (const figure of [
    'aws-iot cycle: mock / bare node:http req/s',
    'aws-iot cycle: mock / Prism req/s',
    'aws-iot cycle: p99 mock / bare node:http',
    'aws-iot delete unknown (404): mock / bare node:http req/s',
    'azure-keyvault cycle (HTTPS): mock / bare node:https req/s',
    'aws-iot cycle: req/s --state, --state --durable / mock',
    'aws-iot RSS after 2,000 certificates created and deleted, vs start',
    'model sequences/s, aws-iot@mock',
    'certificates/s, pooled EC-P256 keys',
    'certificates/s, pooled RSA-2048 keys',
    'fresh RSA-2048 key pair',
  ]) {
    expect(out, figure).toContain(`| ${figure} `);
  }
  // Every row that has a target says whether it is met.
  const judged = out.split('\n').filter((l) => /\| (>=|<=) /.test(l));
  expect(judged.length).toBeGreaterThanOrEqual(12);
  for (const line of judged) expect(line).toMatch(/\| (yes|NO) +\|$/);
});

test('bench: a bad argument is exit 2 with a sentence, --help is exit 0', async () => {
  const bad = await benchQuick(['--only', 'nonsense']);
  expect(bad.code).toBe(2);
  expect(bad.err).toContain("unknown section 'nonsense'");
  const help = await benchQuick(['--help']);
  expect(help.code).toBe(0);
  expect(help.out).toContain('usage: npm run bench');
});
