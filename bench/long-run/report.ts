import { send } from '../../suites/support/http/transport.ts';
import type { Target } from '../../suites/support/target/targets.ts';

/** One sampling window: throughput and latency of the window, the mock's memory after GC, the state size. */
export interface Sample {
  t: string;
  requests: number;
  p50: number;
  p99: number;
  rss: number;
  heapUsed: number;
  external: number;
  /** The control API's state snapshots of every provider, JSON kilobytes: the live state. */
  stateKb: number;
}

/** Memory at the end may exceed the early steady value by this much (GC and allocator noise). */
export const GROWTH_ALLOWED = 0.2;

export function quantile(xs: number[], q: number): number {
  if (!xs.length) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Bytes of every provider's GET /__certconform/state. */
export async function stateBytes(targets: Target[]): Promise<number> {
  let total = 0;
  for (const t of targets) total += (await send({ method: 'GET', url: `${t.url}/__certconform/state`, headers: {} }, { caFile: t.caFile })).text.length;
  return total;
}

const mb = (b: number) => (b / 1024 / 1024).toFixed(1);

export function printRow(s: Sample, header: boolean, windowMs: number): void {
  if (header) console.log(['time', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'rss MB', 'heap MB', 'state KB'].map((h) => h.padStart(9)).join(''));
  const cells = [s.t, String(s.requests), (s.requests / (windowMs / 1000)).toFixed(0), s.p50.toFixed(1), s.p99.toFixed(1), mb(s.rss), mb(s.heapUsed), s.stateKb.toFixed(1)];
  console.log(cells.map((c) => c.padStart(9)).join(''));
}

/**
 * The end sample (load stopped, after GC) against the early steady one (the second sample: the
 * first still holds start-up garbage and cold caches). The live state is printed beside it:
 * growth the state explains is not a leak, and this load keeps the state constant.
 */
export function memoryVerdict(samples: Sample[]): { ok: boolean; message: string } {
  if (samples.length < 3) return { ok: false, message: 'too few samples to judge memory: run longer or sample more often' };
  const early = samples[1]!;
  const end = samples[samples.length - 1]!;
  const rss = end.rss / early.rss;
  const heap = end.heapUsed / early.heapUsed;
  const ok = rss <= 1 + GROWTH_ALLOWED && heap <= 1 + GROWTH_ALLOWED;
  const what = `RSS ${mb(early.rss)} -> ${mb(end.rss)} MB (x${rss.toFixed(2)}), heap ${mb(early.heapUsed)} -> ${mb(end.heapUsed)} MB (x${heap.toFixed(2)}), live state ${early.stateKb.toFixed(1)} -> ${end.stateKb.toFixed(1)} KB`;
  return { ok, message: `${ok ? 'PASS' : 'FAIL'}: ${what} (allowed: x${(1 + GROWTH_ALLOWED).toFixed(2)} from the ${early.t} sample)` };
}
