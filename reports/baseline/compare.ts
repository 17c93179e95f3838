import type { ConformanceReport, RuleEntry } from '../report.ts';
import { covers, isExpired, type Baseline, type BaselineEntry } from './format.ts';

/**
 * How one rule of the run stands against the baseline:
 * - new: failed or broke, not in the baseline;   - known: failed or broke, listed;
 * - expired: failed or broke, listed past its `expires` day (no longer excused);
 * - stale: listed, and it passes now;            - not-checked: listed, not judged this run.
 */
export type FindingKind = 'new' | 'known' | 'expired' | 'stale' | 'not-checked';

export interface Finding {
  kind: FindingKind;
  rule: string;
  provider: string;
  /** Absent when the entry's provider or target was not in this run at all. */
  target?: string;
  level?: string;
  entry?: BaselineEntry;
  /** What this run said about the rule (outcome and detail). */
  thisRun: string;
}

const bad = (r: RuleEntry) => r.outcome === 'failed' || r.outcome === 'error';

const said = (r: RuleEntry) =>
  r.outcome === 'failed' && r.failure ? `failed: ${r.failure.received} / documented ${r.failure.documented}` : r.reason ? `${r.outcome}: ${r.reason}` : r.outcome;

/** Compares a run's MUST and SHOULD rules with the baseline (INFO rules are observations, never gated). */
export function compareWithBaseline(report: ConformanceReport, baseline: Baseline, today: string): Finding[] {
  const findings: Finding[] = [];
  const used = new Set<BaselineEntry>();
  for (const r of report.rules) {
    if (r.level !== 'MUST' && r.level !== 'SHOULD') continue;
    const entry = baseline.entries.find((e) => covers(e, r));
    if (entry) used.add(entry);
    const base = { rule: r.id, provider: r.provider, target: r.target, level: r.level, thisRun: said(r), ...(entry ? { entry } : {}) };
    if (bad(r)) findings.push({ ...base, kind: !entry ? 'new' : isExpired(entry, today) ? 'expired' : 'known' });
    else if (entry) findings.push({ ...base, kind: r.outcome === 'passed' ? 'stale' : 'not-checked' });
  }
  for (const e of baseline.entries.filter((x) => !used.has(x))) {
    findings.push({ kind: 'not-checked', rule: e.rule, provider: e.provider, entry: e, thisRun: `${e.provider}${e.target ? `@${e.target}` : ''} not in this run` });
  }
  return findings;
}
