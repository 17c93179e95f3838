import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { ROOT } from '../../lib/paths.ts';

interface Step { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown> }
interface Job { needs?: string | string[]; if?: string; steps: Step[]; strategy?: { matrix?: Record<string, unknown[]> } }

const workflow = parse(readFileSync(join(ROOT, 'examples', 'github-actions.yml'), 'utf8')) as { jobs: Record<string, Job> };
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);

/** Every `npx certconform ...` command line in the workflow's run scripts: its words up to a shell operator. */
function commands(): string[][] {
  const out: string[][] = [];
  for (const s of steps.filter((x) => x.run)) {
    for (const m of s.run!.matchAll(/npx certconform ((?:(?!\|\||&&|[;&|>]|\d>).)*)/g)) out.push(m[1]!.trim().split(/\s+/));
  }
  return out;
}

const help = async (args: string[]) =>
  (await promisify(execFile)(process.execPath, [join(ROOT, 'bin', 'certconform.mjs'), ...args, '--help'], { encoding: 'utf8' })).stdout;

test('the example workflow shards the run, merges the blobs, gates with the baseline and always uploads the reports', () => {
  const shard = Object.values(workflow.jobs).find((j) => j.strategy?.matrix?.shard)!;
  expect(shard.strategy!.matrix!.shard).toEqual([1, 2, 3]);
  const run = commands().find((c) => c[0] === 'run')!.join(' ');
  expect(run).toContain('--shard ${{ matrix.shard }}/3');
  expect(run).toContain('--seed ${{ github.run_id }}');
  expect(run).toMatch(/--target aws-iot=http/);
  expect(shard.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))?.with?.path).toBe('reports/out/blob/');
  const [name, gate] = Object.entries(workflow.jobs).find(([, j]) => j !== shard)!;
  expect([gate.needs].flat()).toContain(Object.keys(workflow.jobs).find((k) => workflow.jobs[k] === shard));
  expect(name).toBe('gate');
  const order = gate.steps.map((s) => s.run ?? s.uses ?? '');
  const at = (re: RegExp) => order.findIndex((x) => re.test(x));
  expect(at(/download-artifact/)).toBeGreaterThanOrEqual(0);
  expect(at(/download-artifact/)).toBeLessThan(at(/certconform report merge blobs\//));
  expect(at(/certconform report merge/)).toBeLessThan(at(/certconform gate .*--baseline reports\/baseline\.json/));
  const upload = gate.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!;
  expect(upload.with?.path).toBe('reports/out/');
  expect(upload.if).toBe('always()');
  // It runs in the user's own repository: the installed package, nothing from a certconform checkout.
  expect(steps.filter((s) => s.run?.trim() === 'npm ci')).toHaveLength(2);
  expect(steps.some((s) => s.run?.includes('scripts/'))).toBe(false);
  expect(steps.some((s) => s.run?.includes('npx certconform mock --port-base 4010'))).toBe(true);
});

test('every certconform command and flag the workflow names exists in `certconform --help`', async () => {
  const cmds = commands();
  expect(cmds.map((c) => c[0])).toEqual(expect.arrayContaining(['mock', 'run', 'report', 'gate']));
  const top = await help([]);
  for (const c of cmds) expect(top, `certconform ${c[0]}`).toMatch(new RegExp(`^\\s+${c[0]}\\b`, 'm'));
  // Each flag against its command's own --help (`report` has subcommands: `report merge`).
  const words = (c: string[]) => c.slice(0, c[0] === 'report' ? 2 : 1);
  const helps = await Promise.all(cmds.map((c) => help(words(c))));
  cmds.forEach((c, i) => {
    for (const flag of c.filter((w) => w.startsWith('--'))) expect(helps[i], `certconform ${words(c).join(' ')} ${flag}`).toContain(`${flag.split('=')[0]} `);
  });
});
