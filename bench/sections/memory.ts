import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../lib/paths.ts';
import type { BenchConfig } from '../config.ts';
import { fixed, type Row } from '../table.ts';

interface MemoryResult {
  cycles: number;
  cold: number;
  start: number;
  along: number[];
  end: number;
  seconds: number;
}

const mb = (b: number) => `${fixed(b / 2 ** 20)} MB`;

/** Runs bench/memory/child.ts in its own node with --expose-gc and reads its JSON line. */
function runChild(provider: string, cycles: number): Promise<MemoryResult> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench', 'memory', 'child.ts'), provider, String(cycles)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as MemoryResult) : reject(new Error(`memory child exited ${code}`)))),
  );
}

/** DESIGN.md (issue #7): RSS after N created-and-deleted certificates within 20% of the start. */
export async function memory(cfg: BenchConfig): Promise<Row[]> {
  const r = await runChild('aws-iot', cfg.memoryCycles);
  const growth = r.end / r.start - 1;
  console.error(`  memory aws-iot: ${r.cycles} cycles in ${r.seconds.toFixed(0)} s; RSS cold ${mb(r.cold)}, start ${mb(r.start)}, along ${r.along.map(mb).join(', ')}`);
  return [
    {
      figure: `aws-iot RSS after ${r.cycles.toLocaleString('en')} certificates created and deleted, vs start`,
      value: `${growth >= 0 ? '+' : ''}${fixed(growth * 100, 1)}% (${mb(r.start)} -> ${mb(r.end)})`,
      target: '<= +20%',
      met: growth <= 0.2,
    },
  ];
}
