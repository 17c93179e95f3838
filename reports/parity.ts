import type { ConformanceReport, RuleEntry } from './report.ts';

/** One rule on which the targets of one provider disagree: each target's outcome. */
export interface ParityRow {
  id: string;
  provider: string;
  level: string;
  outcomes: Record<string, string>;
}

/**
 * The rules where two or more targets of one provider (implementations compared in one run)
 * reached different outcomes, MUST first. A provider with a single target has no parity rows.
 */
export function parityRows(report: Pick<ConformanceReport, 'rules'>): ParityRow[] {
  const byRule = new Map<string, RuleEntry[]>();
  for (const r of report.rules) {
    const key = `${r.provider}\u0000${r.id}`;
    byRule.set(key, [...(byRule.get(key) ?? []), r]);
  }
  const rows: ParityRow[] = [];
  for (const entries of byRule.values()) {
    if (new Set(entries.map((e) => e.target)).size < 2) continue;
    if (new Set(entries.map((e) => e.outcome)).size < 2) continue;
    const first = entries[0]!;
    rows.push({ id: first.id, provider: first.provider, level: first.level, outcomes: Object.fromEntries(entries.map((e) => [e.target, e.outcome])) });
  }
  const rank = (l: string) => (l === 'MUST' ? 0 : l === 'SHOULD' ? 1 : 2);
  return rows.sort((a, b) => rank(a.level) - rank(b.level) || a.provider.localeCompare(b.provider) || a.id.localeCompare(b.id));
}

/** The parity list as terminal lines (empty when the targets agree or each provider has one). */
export function parityText(rows: ParityRow[]): string[] {
  if (!rows.length) return [];
  const lines = rows.slice(0, 30).map((r) => {
    const per = Object.entries(r.outcomes).map(([t, o]) => `${t} ${o}`).join(', ');
    return `  ${r.id} (${r.level}, ${r.provider}): ${per}`;
  });
  if (rows.length > 30) lines.push(`  and ${rows.length - 30} more (see the report)`);
  return [`targets disagree on ${rows.length} rule${rows.length === 1 ? '' : 's'} (parity):`, ...lines];
}
