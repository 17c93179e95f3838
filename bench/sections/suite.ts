import { rmSync } from 'node:fs';
import type { BenchConfig } from '../config.ts';
import { fixed, type Row } from '../table.ts';
import { runCli } from './run-cli.ts';
import { profiledRun } from './suite-profile.ts';

const MODEL = 'model: random'; // the four model-based tests' titles, and nothing else

/** Model-based sequences per second per provider: each model test alone on one worker. */
async function modelRates(cfg: BenchConfig): Promise<Row[]> {
  const run = await runCli([...cfg.suiteProviders, '--grep', MODEL, '--runs', String(cfg.modelRuns), '--workers', '1']);
  rmSync(run.dir, { recursive: true, force: true });
  return run.timings.map((t) => {
    const rate = cfg.modelRuns / (t.ms / 1000);
    console.error(`  ${t.project}: ${cfg.modelRuns} model sequences in ${(t.ms / 1000).toFixed(1)} s (${t.status})`);
    return { figure: `model sequences/s, ${t.project}`, value: fixed(rate), target: '>= 100', met: t.status === 'passed' && rate >= 100 };
  });
}

/** The default run (`certconform run`: every provider against the mock) and where its time goes. */
async function fullRun(): Promise<Row[]> {
  const run = await runCli([]);
  rmSync(run.dir, { recursive: true, force: true });
  const busy = run.timings.reduce((n, t) => n + t.ms, 0);
  const slowest = [...run.timings].sort((a, b) => b.ms - a.ms).slice(0, 3);
  const s = (ms: number) => `${fixed(ms / 1000, 1)} s`;
  console.error(`  full run: ${s(run.wallMs)} wall; Playwright ${s(run.playwrightMs)}; ${run.timings.length} tests, ${s(busy)} of test time; slowest: ${slowest.map((t) => `${t.project} ${t.title.slice(0, 40)} ${s(t.ms)}`).join('; ')}`);
  return [
    { figure: `default full run (${run.timings.length} tests, 4 providers), wall`, value: s(run.wallMs), target: '<= 60 s', met: run.wallMs <= 60_000 },
    { figure: 'full run: outside Playwright (CLI, tsx) / Playwright / sum of test durations', value: `${s(run.wallMs - run.playwrightMs)} / ${s(run.playwrightMs)} / ${s(busy)}`, target: '' },
  ];
}

export async function suite(cfg: BenchConfig): Promise<Row[]> {
  const rows = await modelRates(cfg);
  if (!cfg.fullRun) return rows;
  return [...rows, ...(await fullRun()), ...(await profiledRun())];
}
