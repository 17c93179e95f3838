import type { ConformanceReport, RuleEntry } from '../report.ts';
import { BASELINE_VERSION, covers, type Baseline, type BaselineEntry } from './format.ts';

export interface FromReportOptions {
  /** One reason for every new entry; default: what the run received. */
  reason?: string;
  expires?: string;
  /** A baseline being regenerated: its entries keep their reasons and expiry dates. */
  previous?: Baseline;
}

const judged = (r: RuleEntry) => r.outcome === 'passed' || r.outcome === 'failed' || r.outcome === 'error';
const gated = (r: RuleEntry) => (r.level === 'MUST' || r.level === 'SHOULD') && (r.outcome === 'failed' || r.outcome === 'error');

const defaultReason = (r: RuleEntry, runId?: string) =>
  `${r.outcome} in run ${runId ?? '?'}: ${r.failure ? `received ${r.failure.received}, documented ${r.failure.documented}` : (r.reason ?? 'no reason recorded')}`.slice(0, 300);

/**
 * A baseline of the run's MUST and SHOULD rules that failed or broke. An entry names its target
 * only when the report holds several targets of that provider (otherwise it follows the
 * provider to whatever host the next run uses). Over a previous baseline: its entries keep their
 * reason and date, those whose rule passed now leave, and those this run did not judge (another
 * provider, a --grep) stay as they were.
 */
export function baselineFromReport(report: ConformanceReport, opts: FromReportOptions = {}): Baseline {
  const targetsOf = (p: string) => new Set(report.run.targets.filter((t) => t.provider === p).map((t) => t.target));
  const entries: BaselineEntry[] = [];
  for (const r of report.rules.filter(gated)) {
    if (entries.some((e) => covers(e, r))) continue;
    const kept = opts.previous?.entries.find((e) => covers(e, r));
    const target = kept ? kept.target : targetsOf(r.provider).size > 1 ? r.target : undefined;
    entries.push({
      rule: r.id,
      provider: r.provider,
      ...(target ? { target } : {}),
      reason: kept?.reason ?? opts.reason ?? defaultReason(r, report.run.runId),
      ...((kept ? kept.expires : opts.expires) ? { expires: kept ? kept.expires : opts.expires } : {}),
    });
  }
  const unjudged = (opts.previous?.entries ?? []).filter((e) => !report.rules.some((r) => covers(e, r) && judged(r)));
  return { version: BASELINE_VERSION, entries: [...entries, ...unjudged] };
}
