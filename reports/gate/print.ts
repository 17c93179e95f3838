import type { Finding } from '../baseline/compare.ts';
import { isExpired } from '../baseline/format.ts';
import { idList, notMetIds, partialNote, percent, plural } from '../counts.ts';
import type { ConformanceReport } from '../report.ts';
import { minScoreName } from './min-score.ts';
import { NOTHING_JUDGED, type GateVerdict } from './verdict.ts';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function row(f: Finding, allowStale: boolean, today: string): string[] {
  const rule = `${f.rule}@${f.target} ${f.level}`;
  const e = f.entry;
  const baseline = !e ? '-' : `${isExpired(e, today) ? `expired ${e.expires}` : 'known'}: ${clip(e.reason, 40)}`;
  const gated = f.level === 'MUST';
  const effect = {
    new: gated ? 'NEW FAILURE' : 'new (SHOULD: not gated)',
    expired: gated ? 'EXPIRED ENTRY' : 'expired (SHOULD: not gated)',
    stale: allowStale ? 'stale (allowed)' : 'STALE ENTRY: remove it',
    known: 'known',
    'not-checked': 'not checked',
  }[f.kind];
  return [rule, baseline, clip(f.thisRun, 70), effect];
}

/** One phrase for the verdict line: `passed: ...` or `failed: 1 new MUST failure, ...`. */
export const verdictPhrase = (v: GateVerdict) =>
  v.code === 0 ? 'gate passed: no MUST failure outside the baseline' : `gate ${v.code === 2 ? 'not applied' : 'failed'}: ${v.fatal.join(', ')}`;

/**
 * The plain run's verdict line (the gate with no baseline and no thresholds, so exit 1 means new
 * MUST failures only): the rules not met by name, and SHOULD failures counted even on a pass.
 */
export function plainPhrase(v: GateVerdict, report: ConformanceReport): string {
  if (v.code === 2) return v.fatal[0] === NOTHING_JUDGED ? `${NOTHING_JUDGED} (see the output above: a target that never started, or a --grep that selects no test)` : v.fatal.join(', ');
  // The same list the summary table and the page count (reports/counts.ts).
  const must = notMetIds(report);
  if (v.code === 1) return `${plural(must.length, 'MUST rule')} not met: ${idList(must)}`;
  const should = report.rules.filter((r) => r.level === 'SHOULD' && r.outcome === 'failed').length;
  return `every MUST rule that ran passed${should ? ` (${plural(should, 'SHOULD rule')} failed: see the report)` : ''}${partialNote(report)}`;
}

/** `rule | baseline | this run | gate` for every rule where the run and the baseline differ, then notes and scores. */
export function gateLines(v: GateVerdict, opts: { allowStale?: boolean; today: string }): string[] {
  const differ = v.findings.filter((f) => f.kind !== 'known' && f.kind !== 'not-checked');
  const rows = [['rule', 'baseline', 'this run', 'gate'], ...differ.map((f) => row(f, !!opts.allowStale, opts.today))];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = differ.length ? rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join(' | ').trimEnd()) : [];
  const known = v.findings.filter((f) => f.kind === 'known').length;
  if (known) lines.push(`${known} known deviation(s) still fail as the baseline says`);
  const unchecked = v.findings.filter((f) => f.kind === 'not-checked').map((f) => (f.target ? `${f.rule}@${f.target}` : `${f.rule} (${f.thisRun})`));
  if (unchecked.length) lines.push(`not checked (not judged this run): ${idList(unchecked, 12)}`);
  for (const s of v.scores) {
    const what = `min score ${minScoreName(s.threshold)}`;
    if (!s.project) lines.push(`${what}: not checked (no such target in this run)`);
    else if (s.score == null) lines.push(`${what}: ${s.project} not checked (no MUST rule ran)`);
    else lines.push(`${what}: ${s.project} ${percent(s.score)}${s.below ? ' BELOW THE MINIMUM' : ' ok'}`);
  }
  return lines;
}
