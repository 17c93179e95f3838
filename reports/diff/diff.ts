import type { RuleOutcome } from '../outcomes.ts';
import type { ConformanceReport, RuleEntry } from '../report.ts';
import { CHANGES, classify, type Change } from './classify.ts';
import { pairName, pairTargets } from './pairing.ts';
import { versionDifferences } from './versions.ts';

/** One rule on one target, as the two reports judged it. */
export interface DiffRow {
  rule: string;
  provider: string;
  /** `mock`, or `base→head` where two differently named targets are compared. */
  target: string;
  /** HEAD's level where HEAD knows the rule (a level may change between versions), else BASE's. */
  level: string;
  base?: RuleOutcome;
  head?: RuleOutcome;
  /** What a failed or broken side said (received / documented, or the reason). */
  baseDetail?: string;
  headDetail?: string;
  change: Change;
}

export interface ReportDiff {
  rows: DiffRow[];
  counts: Record<Change, number>;
  /** Regressed MUST rules: the diff's exit 1. */
  regressedMust: DiffRow[];
  /** One line each: targets paired or left out, the rules compared when versions differ. */
  notes: string[];
}

const detail = (r: RuleEntry | undefined): string | undefined =>
  !r ? undefined : r.outcome === 'failed' && r.failure ? `${r.failure.received} / documented ${r.failure.documented}` : r.outcome === 'error' ? r.reason : undefined;

const ORDER: Record<Change, number> = Object.fromEntries(CHANGES.map((c, i) => [c, i])) as Record<Change, number>;
const LEVELS: Record<string, number> = { MUST: 0, SHOULD: 1, INFO: 2 };

/**
 * BASE against HEAD, per rule and provider@target: a pure function of the two reports.
 * Rows come regressions first (MUST before SHOULD), then fixed, new, removed, unchanged.
 */
export function diffReports(base: ConformanceReport, head: ConformanceReport): ReportDiff {
  const { pairs, notes } = pairTargets(base, head);
  const differ = versionDifferences(base, head, pairs);
  const rows: DiffRow[] = [];
  let oneSided = 0;
  for (const pair of pairs) {
    const index = (r: ConformanceReport, t: string) => new Map(r.rules.filter((x) => x.provider === pair.provider && x.target === t).map((x) => [x.id, x]));
    const b = index(base, pair.base);
    const h = index(head, pair.head);
    for (const id of new Set([...b.keys(), ...h.keys()])) {
      const br = b.get(id);
      const hr = h.get(id);
      if (differ.length && (!br || !hr)) {
        oneSided++;
        continue;
      }
      const bd = detail(br);
      const hd = detail(hr);
      rows.push({
        rule: id, provider: pair.provider, target: pairName(pair).slice(pair.provider.length + 1), level: (hr ?? br)!.level,
        ...(br ? { base: br.outcome } : {}), ...(hr ? { head: hr.outcome } : {}), ...(bd ? { baseDetail: bd } : {}), ...(hd ? { headDetail: hd } : {}),
        change: classify(br?.outcome, hr?.outcome),
      });
    }
  }
  if (differ.length) notes.push(`${differ.join(', ')}: compared only on the rules both reports know (${oneSided} left out)`);
  rows.sort((x, y) => ORDER[x.change] - ORDER[y.change] || (LEVELS[x.level] ?? 3) - (LEVELS[y.level] ?? 3) || x.rule.localeCompare(y.rule) || x.target.localeCompare(y.target));
  const counts = Object.fromEntries(CHANGES.map((c) => [c, rows.filter((r) => r.change === c).length])) as Record<Change, number>;
  return { rows, counts, regressedMust: rows.filter((r) => r.change === 'regressed' && r.level === 'MUST'), notes };
}
