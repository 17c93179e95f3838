// `npm run bench` (full) and `npm run bench:quick` (a few seconds' smoke): the benchmarks of
// DESIGN.md §7, measured side by side in one run, printed as one table.
// Exit code: 0 every target met, 1 a target missed, 2 the benchmark could not run.
import { cpus, loadavg } from 'node:os';
import { FULL, QUICK, type BenchConfig } from './config.ts';
import { certs } from './sections/certs.ts';
import { memory } from './sections/memory.ts';
import { suite } from './sections/suite.ts';
import { throughput } from './sections/throughput.ts';
import { renderTable, type Row } from './table.ts';

const SECTIONS: Record<string, (cfg: BenchConfig) => Promise<Row[]>> = { throughput, memory, suite, certs };

const HELP = `usage: npm run bench -- [--quick] [--only ${Object.keys(SECTIONS).join(',')}]
  --quick   tiny durations and counts: proves every section runs (numbers indicative only)
  --only    run these sections only (comma-separated)
exit: 0 every target met, 1 a target missed, 2 the benchmark could not run`;

function parse(argv: string[]): { cfg: BenchConfig; only: string[] } | string {
  let cfg = FULL;
  let only = Object.keys(SECTIONS);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--quick') cfg = QUICK;
    else if (argv[i] === '--only' && argv[i + 1]) only = argv[++i]!.split(',');
    else return `unknown argument '${argv[i]}'`;
  }
  const unknown = only.find((s) => !SECTIONS[s]);
  return unknown ? `unknown section '${unknown}' (known: ${Object.keys(SECTIONS).join(', ')})` : { cfg, only };
}

/** Cores, CPU, node and the load average: a noisy machine shows in the numbers. */
const machine = () => `${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) return console.log(HELP), 0;
  const parsed = parse(argv);
  if (typeof parsed === 'string') return console.error(`bench: ${parsed}\n${HELP}`), 2;
  const { cfg, only } = parsed;
  const started = new Date();
  const before = machine();
  const rows: Row[] = [];
  for (const name of only) {
    console.error(`${name}...`);
    try {
      rows.push(...(await SECTIONS[name]!(cfg)));
    } catch (e) {
      console.error(`bench: the ${name} section could not run: ${(e as Error).message}`);
      return 2;
    }
  }
  const minutes = ((Date.now() - started.getTime()) / 60_000).toFixed(1);
  console.log(`certconform benchmarks${cfg.quick ? ' (quick: indicative only)' : ''}, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${minutes} min`);
  console.log(`machine at start: ${before}\nmachine at end:   ${machine()}\n`);
  console.log(renderTable(rows));
  return rows.some((r) => r.met === false) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
