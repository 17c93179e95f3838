import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Provider } from '../../lib/providers.ts';
import { providerOf, type Mutant } from '../../mock/mutants/mutant.ts';
import type { ReportRows } from './phase.ts';
import type { PhaseName } from './plan.ts';
import { shortName } from './select.ts';

export const MUTANTS_REPORT_VERSION = 1;
export type MutantOutcome = 'killed' | 'survived' | 'unobservable';

/** One row of mutants.json. */
export interface MutantResult {
  name: string;
  provider: Provider;
  description: string;
  rules: string[];
  class?: string;
  outcome: MutantOutcome;
  /** Rule ids that failed or errored against this mutant (the control passed them all). */
  caughtBy: string[];
  /** The phase that killed it (or the last one it ran in). */
  phase?: PhaseName;
  /** Wall time of its tests over every phase it ran in, and how many tests that was. */
  ms: number;
  tests: number;
  unobservable?: string;
}

export interface MutantsReport {
  version: number;
  run: { started: string; finished: string; seed: number; runs?: number; full: boolean; workers: number; phases: { phase: PhaseName; projects: number; ms: number; log: string }[] };
  score: { killed: number; survived: number; unobservable: number; total: number; observable: number; score: number | null };
  mutants: MutantResult[];
}

/** Rule ids that failed or errored on one target of a phase's report. */
export function caught(report: ReportRows, provider: Provider, target: string): string[] {
  return report.rules.filter((r) => r.provider === provider && r.target === target && (r.outcome === 'failed' || r.outcome === 'error')).map((r) => r.id);
}

export function emptyResult(m: Mutant): MutantResult {
  const base = { name: m.name, provider: providerOf(m), description: m.description, rules: m.rules, ...(m.class ? { class: m.class } : {}), caughtBy: [], ms: 0, tests: 0 };
  return m.unobservable ? { ...base, outcome: 'unobservable', unobservable: m.unobservable } : { ...base, outcome: 'survived' };
}

/** Adds one phase's verdict on a mutant to its row. */
export function addPhase(row: MutantResult, m: Mutant, phase: PhaseName, report: ReportRows, times: Record<string, { ms: number; tests: number }>): void {
  const t = times[`${row.provider}@${shortName(m)}`];
  row.ms += t?.ms ?? 0;
  row.tests += t?.tests ?? 0;
  if (t) row.phase = phase;
  const ids = caught(report, row.provider, shortName(m));
  if (!ids.length) return;
  row.caughtBy = [...new Set([...row.caughtBy, ...ids])];
  row.outcome = 'killed';
  row.phase = phase;
}

export function scoreOf(rows: MutantResult[]): MutantsReport['score'] {
  const killed = rows.filter((r) => r.outcome === 'killed').length;
  const unobservable = rows.filter((r) => r.outcome === 'unobservable').length;
  const observable = rows.length - unobservable;
  return { killed, survived: observable - killed, unobservable, total: rows.length, observable, score: observable ? killed / observable : null };
}

export function writeMutantsReport(dir: string, report: MutantsReport): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'mutants.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
