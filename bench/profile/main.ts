// `npx tsx bench/profile/main.ts mock aws-cycle|aws-error|azure-cycle [seconds]`: the mock
// under load with --cpu-prof; `... suite [provider] [runs]`: a model-based run with every node
// process profiled. Prints the top functions by self time (and the suite's categories) and
// where the .cpuprofile is (open it in Chrome DevTools or speedscope for the call tree).
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../sections/run-cli.ts';
import { profilingEnv } from '../sections/suite-profile.ts';
import { byCategory, selfTimes, type SelfTime } from './cpuprofile.ts';
import { suiteCategory } from './categories.ts';
import { MOCK_WORKLOADS, profileMock, type MockWorkload } from './mock.ts';

const print = (file: string, total: number, frames: SelfTime[]) => {
  console.log(`${file}: ${total.toFixed(0)} ms sampled`);
  for (const f of frames.slice(0, 30)) console.log(`${f.ms.toFixed(0).padStart(7)} ms  ${f.frame}`);
};

async function main([what, arg, n]: string[]): Promise<number> {
  if (what === 'mock' && MOCK_WORKLOADS.includes(arg as MockWorkload)) {
    const r = await profileMock(arg as MockWorkload, Number(n ?? 10));
    print(r.file, r.total, r.frames);
    return 0;
  }
  if (what === 'suite') {
    const dir = mkdtempSync(join(tmpdir(), 'certconform-prof-suite-'));
    const run = await runCli([arg ?? 'aws-iot', '--grep', 'model: random', '--runs', n ?? '50', '--workers', '1'], profilingEnv(dir));
    console.log(run.timings.map((t) => `${t.project}: ${t.title.slice(0, 60)} ${t.ms} ms`).join('\n'));
    for (const f of readdirSync(dir)) {
      const p = selfTimes(join(dir, f));
      if (!p.frames.some((x) => x.url.includes('playwright/lib/worker/'))) continue; // the worker only
      print(join(dir, f), p.total, p.frames);
      for (const [k, ms] of byCategory(p.frames, suiteCategory)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${k}`);
    }
    return 0;
  }
  console.error(`usage: npx tsx bench/profile/main.ts mock ${MOCK_WORKLOADS.join('|')} [seconds]\n       npx tsx bench/profile/main.ts suite [provider] [runs]`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
