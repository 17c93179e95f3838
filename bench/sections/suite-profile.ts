import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../lib/paths.ts';
import { byCategory, selfTimes } from '../profile/cpuprofile.ts';
import { suiteCategory } from '../profile/categories.ts';
import { fixed, type Row } from '../table.ts';
import { runCli } from './run-cli.ts';

/** Every node process of a run profiled through bench/profile/preload.mjs (NODE_OPTIONS refuses --cpu-prof). */
export const profilingEnv = (dir: string) => ({
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${join(ROOT, 'bench', 'profile', 'preload.mjs')}`.trim(),
  CERTCONFORM_CPU_PROF_DIR: dir,
});

/** Which process of a run a profile belongs to, from the code it ran. */
function roleOf(urls: string[]): 'worker' | 'mock' | 'runner' | 'other' {
  if (urls.some((u) => u.includes('playwright/lib/worker/'))) return 'worker';
  if (urls.some((u) => u.includes('playwright/lib/runner/'))) return 'runner';
  if (urls.some((u) => u.includes('/mock/host/input.ts'))) return 'mock'; // it validated requests
  return 'other';
}

/**
 * The default run again, every node process profiled (so slower than the timed run):
 * the workers' CPU by category, and the mock's busy CPU, as shares of the workers' samples.
 */
export async function profiledRun(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'certconform-bench-prof-'));
  try {
    const run = await runCli([], profilingEnv(dir));
    rmSync(run.dir, { recursive: true, force: true });
    const profiles = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => selfTimes(join(dir, f)));
    const workers = profiles.filter((p) => roleOf(p.frames.map((f) => f.url)) === 'worker');
    const mock = profiles.filter((p) => roleOf(p.frames.map((f) => f.url)) === 'mock');
    const sampled = workers.reduce((n, p) => n + p.total, 0);
    const cats = byCategory(workers.flatMap((p) => p.frames), suiteCategory);
    const mockBusy = mock.reduce((n, p) => n + p.total - (p.frames.find((f) => f.frame.startsWith('(idle)'))?.ms ?? 0), 0);
    const share = (ms: number) => `${fixed((100 * ms) / sampled)}%`;
    const parts = [...cats].map(([k, ms]) => `${k} ${share(ms)}`);
    console.error(`  profiled run: ${fixed(run.wallMs / 1000, 1)} s wall, ${workers.length} workers sampled ${fixed(sampled / 1000, 1)} s; mock busy ${fixed(mockBusy / 1000, 1)} s\n    ${parts.join('\n    ')}`);
    return [
      { figure: `full run under --cpu-prof: where the ${workers.length} workers' time goes`, value: parts.slice(0, 6).join('; '), target: '' },
      { figure: 'full run under --cpu-prof: mock process busy CPU', value: `${fixed(mockBusy / 1000, 1)} s of ${fixed(run.wallMs / 1000, 1)} s wall`, target: '' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
