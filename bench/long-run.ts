// `npm run long-run [-- --minutes N --concurrency C --interval-seconds S]`: the built-in mock
// (all four providers, its own process) under sustained mixed load; every interval the mock's
// RSS and heap after a full GC and the window's p50/p99 latency. Exit 1 when memory at the end
// (load stopped, after GC) is over 20% above the early steady value, or an answer was not the
// documented one; 2 for a bad flag or a mock that does not start.
import { fork } from 'node:child_process';
import { parseArgs } from 'node:util';
import { loadSpec } from '../lib/spec/load.ts';
import { Checker } from '../suites/support/checks/checker.ts';
import { ApiClient } from '../suites/support/http/client.ts';
import { StepLog } from '../suites/support/http/steps.ts';
import { WIRES } from '../suites/support/http/wires/index.ts';
import type { Target } from '../suites/support/target/targets.ts';
import { Verdicts } from '../suites/support/verdict/recorder.ts';
import { cycleFor, seed, type Tally } from './long-run/load.ts';
import { memoryVerdict, printRow, quantile, stateBytes, type Sample } from './long-run/report.ts';

const USAGE = 'usage: npm run long-run -- [--minutes 5] [--concurrency 8] [--interval-seconds 10] [--seed-resources 25]';
function options() {
  const { values } = parseArgs({ options: { minutes: { type: 'string', default: '5' }, concurrency: { type: 'string', default: '8' }, 'interval-seconds': { type: 'string', default: '10' }, 'seed-resources': { type: 'string', default: '25' }, help: { type: 'boolean' } } });
  if (values.help) (console.log(USAGE), process.exit(0));
  const num = (name: keyof typeof values, min: number) => {
    const n = Number(values[name]);
    if (!(n >= min)) (console.error(`long-run: --${name} must be a number >= ${min}, got '${values[name]}'\n${USAGE}`), process.exit(2));
    return n;
  };
  return { minutes: num('minutes', 0.1), concurrency: Math.floor(num('concurrency', 1)), intervalMs: num('interval-seconds', 1) * 1000, seedCount: Math.floor(num('seed-resources', 0)) };
}

const opts = (() => {
  try {
    return options();
  } catch (e) {
    console.error(`long-run: ${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
const child = fork(new URL('./long-run/mock-child.ts', import.meta.url).pathname, [], { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const ask = <T>(msg: string, key: string) => new Promise<T>((resolve) => child.once('message', (m: Record<string, T>) => resolve(m[key]!)) && child.send(msg));
const ready = await new Promise<Target[]>((resolve) => {
  child.once('message', (m: { ready: Omit<Target, 'name'>[] }) => resolve(m.ready.map((t) => ({ ...t, name: 'mock' }))));
  child.once('exit', (code) => (console.error(`long-run: the mock exited (${code}) before it was ready`), process.exit(2)));
});
const tally: Tally = { latencies: [], requests: 0, unexpected: [] };
const clients = ready.map((t) => {
  const spec = loadSpec(t.provider);
  return new ApiClient(t, spec, WIRES[t.provider], new Checker(spec, new Verdicts(t.provider), new StepLog()));
});
for (const api of clients) await seed(api.target.provider, api, tally, opts.seedCount);
const cycles = await Promise.all(Array.from({ length: opts.concurrency }, (_, w) => cycleFor(clients[w % clients.length]!.target.provider, clients[w % clients.length]!, tally, w)));

const deadline = Date.now() + opts.minutes * 60_000;
const workers = cycles.map(async (cycle) => {
  while (Date.now() < deadline) await cycle();
});
console.log(`long-run: ${opts.minutes} min, ${opts.concurrency} clients over ${clients.map((c) => c.target.provider).join(', ')}, sampling every ${opts.intervalMs / 1000} s`);
const samples: Sample[] = [];
const started = Date.now();
let windowStart = started;
const sample = async (label?: string) => {
  const mem = await ask<Omit<Sample, 't' | 'requests' | 'p50' | 'p99' | 'stateKb'>>('sample', 'sample');
  const s: Sample = { t: label ?? `${Math.round((Date.now() - started) / 1000)}s`, requests: tally.requests, p50: quantile(tally.latencies, 0.5), p99: quantile(tally.latencies, 0.99), stateKb: (await stateBytes(ready)) / 1024, ...mem };
  tally.latencies = [];
  tally.requests = 0;
  printRow(s, samples.length === 0, Date.now() - windowStart);
  windowStart = Date.now();
  samples.push(s);
};
while (Date.now() + opts.intervalMs <= deadline) {
  await new Promise((r) => setTimeout(r, opts.intervalMs));
  await sample();
}
await Promise.all(workers);
await sample('end');
child.send('stop');
const verdict = memoryVerdict(samples);
console.log(verdict.message);
if (tally.unexpected.length) console.log(`unexpected answers:\n  ${tally.unexpected.join('\n  ')}`);
process.exit(verdict.ok && !tally.unexpected.length ? 0 : 1);
