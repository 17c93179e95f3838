import { idList } from '../counts.ts';
import type { Change } from './classify.ts';
import type { DiffRow, ReportDiff } from './diff.ts';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const side = (o: string | undefined, d: string | undefined) => (!o ? '(absent)' : d ? `${o}: ${clip(d, 48)}` : o);

function effect(r: DiffRow): string {
  const gated = r.level === 'MUST';
  if (r.change === 'regressed') return gated ? 'REGRESSED' : `regressed (${r.level}: not gated)`;
  return r.change;
}

/** `rule | target | base | head | change`: every changed row (unchanged ones with `all`), regressions first. */
export function diffTable(d: ReportDiff, all = false): string[] {
  const shown = d.rows.filter((r) => all || r.change !== 'unchanged');
  if (!shown.length) return [];
  const rows = [['rule', 'target', 'base', 'head', 'change'], ...shown.map((r) => [`${r.rule} ${r.level}`, r.target, side(r.base, r.baseDetail), side(r.head, r.headDetail), effect(r)])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join(' | ').trimEnd());
}

const COUNTED: Change[] = ['regressed', 'fixed', 'new', 'removed', 'unchanged'];

/** The verdict line: `1 MUST rule regressed (AWSIOT-DEL-001@mock); 0 fixed, ...`. */
export function diffPhrase(d: ReportDiff): string {
  const counts = COUNTED.map((c) => `${d.counts[c]} ${c}`).join(', ');
  const must = d.regressedMust.map((r) => `${r.rule}@${r.target}`);
  const lead = must.length ? `${must.length} MUST rule${must.length === 1 ? '' : 's'} regressed (${idList(must)})` : 'no MUST rule regressed';
  return `${lead}; ${counts}`;
}
