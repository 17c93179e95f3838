/** How long and how much each section measures: the full benchmark, or the few-second smoke. */
export interface BenchConfig {
  quick: boolean;
  /** autocannon: connections, seconds of warm-up (not measured) and of measurement per load. */
  connections: number;
  warmup: number;
  duration: number;
  /** Certificates created and deleted in the memory section. */
  memoryCycles: number;
  /** Model-based sequences per provider in the suite section (`--runs`). */
  modelRuns: number;
  /** Providers of the suite section (empty: all four). */
  suiteProviders: string[];
  /** Whether to time the default full `certconform run` (the slowest section). */
  fullRun: boolean;
  /** Certificates per key algorithm, and fresh keys per algorithm, in the certificate section. */
  certs: number;
  freshKeys: number;
}

export const FULL: BenchConfig = {
  quick: false,
  connections: 50,
  warmup: 2,
  duration: 8,
  memoryCycles: 1_000_000,
  modelRuns: 200,
  suiteProviders: [],
  fullRun: true,
  certs: 400,
  freshKeys: 5,
};

/** `--quick`: proves every section still runs and prints its rows; the numbers mean little. */
export const QUICK: BenchConfig = {
  quick: true,
  connections: 10,
  warmup: 0,
  duration: 1,
  memoryCycles: 2_000,
  modelRuns: 5,
  suiteProviders: ['aws-iot'],
  fullRun: false,
  certs: 20,
  freshKeys: 1,
};
