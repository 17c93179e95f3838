// Run as `node --expose-gc --import tsx bench/memory/child.ts PROVIDER N`: creates and deletes
// N certificates in the provider's engine through the host's routing, spec validation and
// handlers (no sockets: a million HTTP round trips would measure the network stack), then
// prints one JSON line with the RSS after GC before, along the way and at the end.
import { isProvider } from '../../lib/providers.ts';
import { loadSpec } from '../../lib/spec/load.ts';
import { Clock } from '../../mock/host/clock.ts';
import { readInput } from '../../mock/host/input.ts';
import { Router } from '../../mock/host/router.ts';
import type { HostContext, WireRequest } from '../../mock/host/types.ts';
import { scenarios, type Step } from './scenarios.ts';

const [provider = '', count = ''] = process.argv.slice(2);
const total = Number(count);
const gc = (globalThis as { gc?: () => void }).gc;
const make = isProvider(provider) ? scenarios[provider] : undefined;
if (!gc || !make || !Number.isInteger(total) || total < 1) {
  throw new Error(`usage: node --expose-gc --import tsx bench/memory/child.ts ${Object.keys(scenarios).join('|')} N`);
}
const rss = () => (gc(), gc(), process.memoryUsage().rss);

const spec = loadSpec(provider as Parameters<typeof loadSpec>[0]);
const router = new Router(spec);
const ctx: HostContext = { clock: new Clock(), spec };
const scenario = await make();
const state = scenario.createState(ctx);

async function call(step: Step): Promise<void> {
  const url = new URL(step.path, 'https://127.0.0.1');
  const raw = step.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(step.body));
  const wire: WireRequest = { method: step.method, path: url.pathname, query: url.searchParams, headers: { 'content-type': 'application/json' }, rawBody: raw, origin: url.origin };
  const match = router.match(step.method, url.pathname);
  if (match.kind !== 'found') throw new Error(`${step.method} ${step.path}: no route`);
  const read = readInput(spec, match.op, wire, match.params);
  if ('problems' in read) throw new Error(`${step.method} ${step.path}: ${read.problems.join('; ')}`);
  const reply = await scenario.handlers[match.op.operationId]!(read.input, state, ctx);
  JSON.stringify(reply.body); // what the host sends
  if (reply.status !== step.status) throw new Error(`${step.method} ${step.path}: ${reply.status}, expected ${step.status}`);
}

async function cycles(from: number, to: number) {
  for (let n = from; n < to; n++) for (const step of scenario.cycle(n)) await call(step);
}

const cold = rss();
const warm = Math.min(1000, total);
await cycles(0, warm); // compiles the validators and JITs the path: the mock as it is once it has served
const start = rss();
const started = performance.now();
const along: number[] = [];
for (let q = 1; q <= 4; q++) {
  await cycles(warm + Math.floor(((total - warm) * (q - 1)) / 4), warm + Math.floor(((total - warm) * q) / 4));
  along.push(rss());
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ provider, cycles: total, cold, start, along, end: along.at(-1), seconds, state: JSON.stringify(state, (_k, v) => (v instanceof Map ? v.size : v)).length }));
