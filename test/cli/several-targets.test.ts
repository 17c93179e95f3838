import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findMutant } from '../../mock/mutants/index.ts';
import { awsEnv, cli, startMock } from './support/cli.ts';

// Implementations compared in one run: two named targets of aws-iot (the contract mock and a
// mutant of it), the same seed for both; two report rows and a parity list naming the mutant's rules.
const MUTANT = 'aws-iot/delete-ignores-things';

test('two named targets of one provider: two rows, a parity list of the mutated rules, exit 1', async () => {
  test.setTimeout(300_000);
  const mock = await startMock(['aws-iot']);
  const mutant = await startMock(['aws-iot', '--mutant', MUTANT]);
  try {
    const [m, x] = [mock.lines[0]!, mutant.lines[0]!];
    expect(x.credentials).toEqual(m.credentials); // one credential chain reaches both
    const args = ['run', 'aws-iot', '--seed', '7', '--runs', '3', '--workers', '2'];
    const ran = await cli([...args, '--target', `aws-iot:mock=${m.url}`, '--target', `aws-iot:mutant=${x.url}`], awsEnv(m)).exited;
    expect(ran.code, ran.out.slice(-3000)).toBe(1);
    const report = ran.report();
    expect(report.run.targets.map((t) => t.project).sort()).toEqual(['aws-iot@mock', 'aws-iot@mutant']);
    expect(Object.keys(report.summary).sort()).toEqual(['aws-iot@mock', 'aws-iot@mutant']);
    const listed = [...ran.out.matchAll(/^ {2}(\S+) \((MUST|SHOULD), aws-iot\): mock passed, mutant (failed|error)$/gm)].map((l) => l[1]);
    expect(ran.out).toMatch(/^targets disagree on \d+ rules? \(parity\):$/m);
    for (const rule of findMutant(MUTANT).rules) expect(listed).toContain(rule);
    expect(listed).toContain('AWSIOT-DEL-002');
    const page = readFileSync(join(ran.dir, 'index.html'), 'utf8');
    expect(page).toMatch(/<section class="parity"[^]*<code>AWSIOT-DEL-002<\/code><\/td><td>MUST<\/td><td>aws-iot<\/td>/);
  } finally {
    mock.stop();
    mutant.stop();
  }
});

test('two unnamed targets of one provider: a usage error that says to name them', async () => {
  const r = await cli(['run', '--target', 'aws-iot=http://127.0.0.1:1', '--target', 'aws-iot=http://127.0.0.1:2']).exited;
  expect(r.code).toBe(2);
  expect(r.out).toMatch(/--target aws-iot is given twice: name each one/);
  const same = await cli(['run', '--target', 'aws-iot:a=http://127.0.0.1:1', '--target', 'aws-iot:a=http://127.0.0.1:2']).exited;
  expect(same.code).toBe(2);
  expect(same.out).toMatch(/--target aws-iot:a is given twice/);
});
