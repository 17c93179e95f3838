import type { Mutant } from '../../mock/mutants/mutant.ts';
import type { MutantResult, MutantsReport } from './result.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pad = (s: string, n: number) => (s.length >= n ? `${s} ` : s.padEnd(n));

/** `certconform mutants --list`: name, class, rules, and what the mutant does (or why no test can see it). */
export function listTable(mutants: Mutant[]): string {
  const w = Math.max(...mutants.map((m) => m.name.length)) + 2;
  const rows = mutants.map((m) => `${pad(m.name, w)}${pad(m.class ?? '-', 12)}${pad(m.rules.join(','), 34)}${m.unobservable ? `UNOBSERVABLE: ${m.unobservable}` : m.description}`);
  return [`${pad('mutant', w)}${pad('class', 12)}${pad('rules', 34)}description`, ...rows, `${mutants.length} mutant(s)`].join('\n');
}

/**
 * The run's table (mutant, the rule ids that caught it, the time it took), then the survivors
 * and the unobservable ones, and the mutation score last.
 */
export function resultTable(report: MutantsReport): string {
  const rows = report.mutants.filter((r) => r.outcome !== 'unobservable');
  const w = Math.max(6, ...rows.map((r) => r.name.length)) + 2;
  const caughtBy = (r: MutantResult) => (r.outcome === 'killed' ? r.caughtBy.join(', ') : 'SURVIVED');
  const out = [`${pad('mutant', w)}${pad('time', 9)}caught by`];
  for (const r of rows) out.push(`${pad(r.name, w)}${pad(seconds(r.ms), 9)}${caughtBy(r)}`);
  const survivors = rows.filter((r) => r.outcome === 'survived');
  if (survivors.length) {
    out.push('', `${survivors.length} survivor(s): a suite that passes them misses a deviation (or the mutant is unobservable: say why in its catalog entry)`);
    for (const r of survivors) out.push(`  ${r.name} [${r.rules.join(', ')}]: ${r.description}`);
  }
  const unobservable = report.mutants.filter((r) => r.outcome === 'unobservable');
  if (unobservable.length) {
    out.push('', `${unobservable.length} unobservable (not run, not counted):`);
    for (const r of unobservable) out.push(`  ${r.name}: ${r.unobservable}`);
  }
  const s = report.score;
  const pct = s.score === null ? 'n/a' : `${(s.score * 100).toFixed(1)}%`;
  out.push('', `mutation score: ${pct} (${s.killed} killed / ${s.observable} observable; ${s.survived} survived, ${s.unobservable} unobservable)`);
  return out.join('\n');
}
