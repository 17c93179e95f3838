import { LEVELS } from '../../lib/rules/catalog.ts';
import { OUTCOMES, type RuleOutcome } from '../outcomes.ts';
import type { ConformanceReport, RuleEntry } from '../report.ts';
import { esc } from './escape.ts';
import { percent, plural } from '../counts.ts';

/** One rule as the page places it: its index in the embedded data, its row and its column. */
export interface PlacedRule {
  index: number;
  rule: RuleEntry;
  project: string;
  /** The rule id's middle part (`DEL` in `AWSIOT-DEL-003`): the matrix column. */
  area: string;
}

export interface ProjectView {
  project: string;
  provider: string;
  target: string;
  rules: PlacedRule[];
}

/** Report rows carry provider and target; the run's targets name the project they ran as. */
export function placeRules(report: ConformanceReport): PlacedRule[] {
  const projectOf = new Map(report.run.targets.map((t) => [`${t.provider}\u0000${t.target}`, t.project]));
  return report.rules.map((rule, index) => ({
    index,
    rule,
    project: projectOf.get(`${rule.provider}\u0000${rule.target}`) ?? `${rule.provider}@${rule.target}`,
    area: rule.id.split('-').slice(1, -1).join('-') || rule.id,
  }));
}

/** Projects in run order (then any found only in the rules), each with its rules. */
export function projectViews(report: ConformanceReport, placed: PlacedRule[]): ProjectView[] {
  const views = new Map<string, ProjectView>();
  for (const t of report.run.targets) views.set(t.project, { project: t.project, provider: t.provider, target: t.target, rules: [] });
  for (const p of placed) {
    let v = views.get(p.project);
    if (!v) views.set(p.project, (v = { project: p.project, provider: p.rule.provider, target: p.rule.target, rules: [] }));
    v.rules.push(p);
  }
  return [...views.values()];
}

/** Matrix columns: rule areas in the order they first appear across the report. */
export const areasOf = (placed: PlacedRule[]): string[] => [...new Set(placed.map((p) => p.area))];

/** Passed / run per level, where run = passed + failed + error (not-run and n/a never count). */
export function levelTallies(rules: PlacedRule[]): { level: string; passed: number; run: number; total: number }[] {
  const levels = [...LEVELS, ...new Set(rules.map((r) => r.rule.level).filter((l) => !(LEVELS as readonly string[]).includes(l)))];
  return levels.map((level) => {
    const of = rules.filter((r) => r.rule.level === level);
    const run = of.filter((r) => ['passed', 'failed', 'error'].includes(r.rule.outcome));
    return { level, passed: run.filter((r) => r.rule.outcome === 'passed').length, run: run.length, total: of.length };
  });
}

export function outcomeCounts(rules: PlacedRule[]): Record<RuleOutcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<RuleOutcome, number>;
  for (const r of rules) counts[r.rule.outcome] = (counts[r.rule.outcome] ?? 0) + 1;
  return counts;
}

/** The data-* attributes the page's filters match on; every filterable element carries them. */
export const filterAttrs = (p: PlacedRule): string =>
  `data-project="${esc(p.project)}" data-level="${esc(p.rule.level)}" data-outcome="${esc(p.rule.outcome)}"`;

/** A score as a percentage, rounded down so 99.96% never reads as 100.0%. */
/** The one rounding (reports/counts.ts). */
export const scorePct = percent;

export { plural };
