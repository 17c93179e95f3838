import { expect, test } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, cli } from './support/cli.ts';

/**
 * `certconform run` against `certconform mock --vary` for one fixed seed, every provider: a
 * suite that accepts every documented outcome passes a mock that picks among them, so every
 * MUST and SHOULD rule that ran passes. The model-based tests only (they reach most rules and
 * every kind of choice), to keep it near 30 s; the whole suite for five seeds is measured by
 * hand (README). The mock's choice lines (--vary-log) show it did vary, each naming its allowance.
 */
const VARY_SEED = '7';

test('every MUST and SHOULD rule passes against the varying mock (all providers, one seed)', async () => {
  test.setTimeout(240_000);
  const logDir = mkdtempSync(join(tmpdir(), 'cc-vary-'));
  const log = join(logDir, 'choices.log');
  const mockArgs = `--vary --vary-seed ${VARY_SEED} --vary-log ${log}`;
  const run = cli(['run', '--seed', '20261124', '--runs', '5', '--grep', 'model: random'], { CERTCONFORM_MOCK_ARGS: mockArgs });
  try {
    const r = await run.exited;
    expect(r.code, r.out.slice(-4000)).toBe(0);
    const report = r.report();
    const broken = report.rules.filter((x) => x.level !== 'INFO' && ['failed', 'error'].includes(x.outcome));
    const bad = broken.map((x) => `${x.id}@${x.target} ${x.outcome}`);
    expect(bad, r.out.slice(-4000)).toEqual([]);
    const passed = (level: string) => report.rules.filter((x) => x.level === level && x.outcome === 'passed').length;
    expect(passed('MUST')).toBeGreaterThan(15);
    expect(passed('SHOULD')).toBeGreaterThan(15);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    const kinds = new Set(lines.map((l) => / #\d+ (\w+)/.exec(l)?.[1]));
    expect([...kinds].sort()).toEqual(['consistency', 'headers', 'pages', 'status', 'transient']);
    for (const l of lines) expect(l).toMatch(/; allowed by \S/);
    expect(report.run.retries, 'the documented transient errors were retried').toBeGreaterThan(0);
  } finally {
    rmSync(logDir, { recursive: true, force: true });
    rmSync(run.dir, { recursive: true, force: true });
  }
});

/** The flags as a user gets them wrong: one sentence, exit 2, nothing listens. */
const BAD: { args: string[]; says: RegExp }[] = [
  { args: ['--vary', 'only=pages,colour'], says: /--vary only=: unknown kind 'colour'/ },
  { args: ['--vary', 'sometimes'], says: /--vary takes nothing or only=KIND/ },
  { args: ['--vary-seed', '3'], says: /go with --vary: give --vary too/ },
  { args: ['--vary', '--vary-seed', 'x'], says: /--vary-seed must be a whole number/ },
  { args: ['--vary', '--engine', 'prism'], says: /--vary varies the stateful engine/ },
];
for (const c of BAD) {
  test(`certconform mock ${c.args.join(' ')}: one sentence, exit 2`, () => {
    const r = spawnSync(process.execPath, [BIN, 'mock', '--port-base', '0', ...c.args], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toMatch(c.says);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
}

test('`--vary aws-iot` serves aws-iot only, its JSON line names the seed and the choices route', async () => {
  const args = [BIN, 'mock', '--json', '--port-base', '0', '--vary-seed', '12', '--vary', 'aws-iot'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => ((out += d), out.includes('\n') && resolve(out.split('\n')[0]!)));
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const served = JSON.parse(line);
    expect(served).toMatchObject({ provider: 'aws-iot', vary: { seed: 12, choices: `${served.url}/__certconform/choices` } });
    const choices = await (await fetch(served.vary.choices)).json();
    expect(choices).toMatchObject({ seed: 12, kinds: ['status', 'pages', 'transient', 'consistency', 'headers'] });
  } finally {
    child.kill('SIGTERM');
  }
});
