import { LEVELS } from '../../lib/rules/catalog.ts';
import { OUTCOMES } from '../outcomes.ts';
import { esc } from './escape.ts';
import type { PlacedRule, ProjectView } from './view-model.ts';
import { OUTCOME_VIEW } from './vocabulary.ts';

/** A toggle chip: a checkbox the page script reads, and a count it keeps up to date. */
function chip(group: string, value: string, label: string, count: number, extra = ''): string {
  return `<label class="toggle ${extra}"><input type="checkbox" name="${group}" value="${esc(value)}" checked>` +
    `<span>${label}</span><span class="n" data-count="${group}" data-value="${esc(value)}">${count}</span></label>`;
}

/**
 * The filter bar: provider@target, level and outcome. The page script hides what does not
 * match (matrix rows and cells, failure cards, rule rows) and recounts; no reload, no network.
 */
export function renderFilters(views: ProjectView[], placed: PlacedRule[]): string {
  const count = (f: (p: PlacedRule) => boolean) => placed.filter(f).length;
  const levels = [...new Set([...LEVELS.filter((l) => placed.some((p) => p.rule.level === l)), ...placed.map((p) => p.rule.level)])];
  const group = (name: string, title: string, chips: string[]) =>
    `<fieldset class="group"><legend>${title}</legend>${chips.join('')}</fieldset>`;
  return `<nav class="filters" aria-label="Filters">
  ${group('project', 'Provider', views.map((v) => chip('project', v.project, esc(v.project), v.rules.length)))}
  ${group('level', 'Level', levels.map((l) => chip('level', l, esc(l), count((p) => p.rule.level === l))))}
  ${group('outcome', 'Outcome', OUTCOMES.map((o) => chip('outcome', o,
    `<span class="sym s-${o}" aria-hidden="true">${OUTCOME_VIEW[o].symbol}</span>${OUTCOME_VIEW[o].label}`, count((p) => p.rule.outcome === o), `t-${o}`)))}
  <p class="showing"><span id="shown">${placed.length}</span> of ${placed.length} rules shown <button type="button" id="reset-filters" class="link">Show all</button></p>
</nav>`;
}
