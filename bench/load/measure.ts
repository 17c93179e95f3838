import autocannon from 'autocannon';
import { cpuMs } from './server-cpu.ts';

/** One request as autocannon sends it: the exact bytes of a signed request, built beforehand. */
export type WireRequest = autocannon.Request;

/** What a load run sends: per connection, a cycle of requests repeated in order. */
export interface Workload {
  name: string;
  /** The cycle of connection `i` (0-based); each connection works on its own resources. */
  cycle(i: number): WireRequest[];
  /** The statuses a correct server answers; anything else makes the measurement invalid. */
  expected: number[];
}

export interface LoadResult {
  rps: number;
  /** Latency percentiles in ms (autocannon's 1 ms resolution). */
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  /** Answers outside `expected`, connection errors and timeouts. */
  unexpected: number;
  /** The server process's CPU time per answered request in µs (Linux; undefined elsewhere). */
  cpuUs?: number;
}

export interface LoadOptions {
  connections: number;
  /** Seconds. */
  duration: number;
  /** PEM of the CA an https target's certificate chains to. */
  ca?: string;
  /** The server's process, whose CPU time per request is measured alongside. */
  pid?: number;
}

/** Runs one autocannon load: every connection loops over its own pre-built cycle, pipelining 1. */
export async function measure(url: string, workload: Workload, opts: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const cpuBefore = cpuMs(opts.pid);
  const result = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.duration,
    requests: workload.cycle(0),
    setupClient: (client) => client.setRequests(workload.cycle(next++)),
    ...(opts.ca ? { tlsOptions: { ca: opts.ca } } : {}),
  });
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([s, { count }]) => [s, count]));
  const cpuAfter = cpuMs(opts.pid);
  const answered = result.requests.total;
  const wrong = Object.entries(statuses).filter(([s]) => !workload.expected.includes(Number(s))).reduce((n, [, c]) => n + c, 0);
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    unexpected: wrong + result.errors + result.timeouts,
    ...(cpuBefore !== undefined && cpuAfter !== undefined && answered > 0 ? { cpuUs: ((cpuAfter - cpuBefore) * 1000) / answered } : {}),
  };
}
