import type { Provider } from '../lib/providers.ts';
import type { Basis, Catalog } from '../lib/rules/catalog.ts';
import type { FailureRecord } from '../lib/verdicts.ts';
import { outcomeOf, type NotRunWhy, type RuleOutcome, type RuleTally } from './outcomes.ts';
import { specInfo, type RunMetadata, type SpecInfo } from './run-metadata.ts';

/**
 * The format's version (reports/schema/conformance.schema.json). 2 added each rule's `basis`;
 * readers (gate, baseline) still take version 1, whose rules have none.
 */
export const REPORT_VERSION = 2;

export interface TargetRun {
  project: string;
  provider: Provider;
  target: string;
  tallies: Map<string, RuleTally>;
  setupErrors: string[];
  /** The spec the run used (from the project's metadata); read from specs/ when absent. */
  spec?: SpecInfo;
}

export interface RuleEntry {
  id: string;
  provider: Provider;
  target: string;
  level: string;
  /** What the rule rests on (seed, reference, sdk, emulator, inference); absent in version 1. */
  basis?: Basis;
  operation: string;
  category: string;
  statement: string;
  source: { file: string; heading: string; quote: string };
  outcome: RuleOutcome;
  reason?: string;
  /** An error that was a setup error (target gone, credentials refused): the rule was not judged. */
  setupError?: true;
  /** Why a not-run rule was not run (reports/outcomes.ts NOT_RUN). */
  notRun?: NotRunWhy;
  /** Checks that held. */
  checks: number;
  /** Where sources disagree: the documented outcomes this target chose. */
  chosen?: string[];
  tests: string[];
  failure?: FailureRecord;
}

export interface ConformanceReport {
  version: number;
  run: {
    tool: { name: string; version: string; gitSha?: string };
    started: string;
    finished: string;
    seed?: number;
    runId?: string;
    runs?: number;
    targets: { project: string; provider: Provider; target: string; spec: { file: string; version: string; sha256: string } }[];
    retries: number;
    setupErrors: string[];
    /** What the run selected: a rule no test of the run names is not judged for this reason. */
    selection?: { safe?: boolean; grep?: string; shard?: string };
    /** The run was stopped (Ctrl-C, SIGTERM) after this many of its tests: no verdict, no score. */
    interrupted?: { testsEnded: number; testsTotal: number };
  };
  rules: RuleEntry[];
  summary: Record<string, { must: { passed: number; run: number }; should: { passed: number; run: number }; score: number | null; failedMust: number }>;
}

/** The report: run info and one entry per rule of every provider and target that ran. */
export function buildReport(
  runs: TargetRun[],
  catalogs: Map<Provider, Catalog>,
  meta: { started: Date; finished: Date; retries: number; run: RunMetadata; interrupted?: { testsEnded: number; testsTotal: number } },
): ConformanceReport {
  const rules: RuleEntry[] = [];
  const summary: ConformanceReport['summary'] = {};
  for (const run of runs) {
    const s = (summary[run.project] = { must: { passed: 0, run: 0 }, should: { passed: 0, run: 0 }, score: null as number | null, failedMust: 0 });
    for (const r of catalogs.get(run.provider)?.rules ?? []) {
      const t = run.tallies.get(r.id);
      const { outcome, reason, notRun, setupError } = outcomeOf(t);
      rules.push({
        id: r.id, provider: run.provider, target: run.target, level: r.level, basis: r.basis, operation: r.operation, category: r.category,
        statement: r.statement, source: r.source, outcome, ...(reason ? { reason } : {}), ...(notRun ? { notRun } : {}), ...(setupError ? { setupError } : {}), checks: t?.passed ?? 0,
        ...(t?.chosen.size ? { chosen: [...t.chosen] } : {}), tests: [...(t?.tests ?? [])], ...(t?.failure ? { failure: t.failure } : {}),
      });
      const bucket = r.level === 'MUST' ? s.must : r.level === 'SHOULD' ? s.should : undefined;
      // A setup error judged nothing: it neither passes nor fails the score.
      if (bucket && !setupError && (outcome === 'passed' || outcome === 'failed' || outcome === 'error')) {
        bucket.run++;
        if (outcome === 'passed') bucket.passed++;
        else if (r.level === 'MUST') s.failedMust++;
      }
    }
    // An interrupted run scores nothing: the rules it did not reach would count as if judged.
    s.score = s.must.run && !meta.interrupted ? s.must.passed / s.must.run : null;
  }
  const { tool, seed, runId, runs: sequences, safe, grep, shard } = meta.run;
  const selection = { ...(safe ? { safe } : {}), ...(grep ? { grep } : {}), ...(shard ? { shard } : {}) };
  return {
    version: REPORT_VERSION,
    run: {
      tool,
      started: meta.started.toISOString(),
      finished: meta.finished.toISOString(),
      ...(seed !== undefined ? { seed } : {}),
      ...(runId !== undefined ? { runId } : {}),
      ...(sequences !== undefined ? { runs: sequences } : {}),
      targets: runs.map((r) => ({ project: r.project, provider: r.provider, target: r.target, spec: r.spec ?? specInfo(r.provider) })),
      retries: meta.retries,
      setupErrors: runs.flatMap((r) => r.setupErrors),
      ...(Object.keys(selection).length ? { selection } : {}),
      ...(meta.interrupted ? { interrupted: meta.interrupted } : {}),
    },
    rules,
    summary,
  };
}
