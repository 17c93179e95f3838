import { OUTCOMES, type RuleOutcome } from '../outcomes.ts';
import type { ConformanceReport } from '../report.ts';
import { esc } from './escape.ts';
import { areasOf, filterAttrs, scorePct, type PlacedRule, type ProjectView } from './view-model.ts';
import { OUTCOME_VIEW, viewOf } from './vocabulary.ts';

/** The level with its basis: `MUST (seed)`. */
const standing = (r: PlacedRule['rule']) => `${r.level}${r.basis ? ` (${r.basis})` : ''}`;

function cell(p: PlacedRule): string {
  const { rule } = p;
  const label = `${rule.id} · ${standing(rule)} · ${viewOf(rule.outcome).label}: ${rule.statement}`;
  const cls = `cell o-${esc(rule.outcome)}${rule.level === 'MUST' ? ' must' : ''}`;
  return `<button type="button" class="${cls}" data-i="${p.index}" ${filterAttrs(p)} title="${esc(label)}" aria-label="${esc(label)}">` +
    `${esc(viewOf(rule.outcome).symbol)}</button>`;
}

const swatch = (o: RuleOutcome, must: boolean) => `<span class="cell${must ? ' must' : ''} o-${o}" aria-hidden="true">${OUTCOME_VIEW[o].symbol}</span>`;

const legend = () => `<ul class="legend">
  ${OUTCOMES.map((o) => `<li title="${OUTCOME_VIEW[o].hint}">${swatch(o, true)}${OUTCOME_VIEW[o].label}</li>`).join('')}
  <li class="muted"><span class="legend-levels">${swatch('failed', true)}${swatch('failed', false)}</span>solid: MUST rule, light: SHOULD or INFO</li>
</ul>`;

/**
 * The matrix: one column per provider@target, one row per rule area (DEL, REG, AUTH...), one
 * cell per rule in catalog order, so a rule sits in the same place on every target of its
 * provider. A table, so the provider filter can hide a column cleanly.
 */
export function renderMatrix(report: ConformanceReport, views: ProjectView[], placed: PlacedRule[]): string {
  if (!placed.length) {
    return `<section class="panel" id="matrix-section"><h2>Matrix</h2><p class="empty filtered-out">No rule was judged: no target ran in this run.</p></section>`;
  }
  const ops = (a: string) => [...new Set(placed.filter((p) => p.area === a).map((p) => p.rule.operation))].join(', ');
  const head = views.map((v) => {
    const score = report.summary[v.project]?.score;
    return `<th scope="col" data-project="${esc(v.project)}"><strong>${esc(v.project)}</strong>` +
      `<span class="muted">${score === null || score === undefined ? 'no MUST rule run' : `${scorePct(score)} of MUST`}</span></th>`;
  });
  const rows = areasOf(placed).map((a) =>
    `<tr><th scope="row" title="${esc(ops(a))}">${esc(a)}</th>${views.map((v) =>
      `<td data-project="${esc(v.project)}">${v.rules.filter((r) => r.area === a).map(cell).join('')}</td>`).join('')}</tr>`);
  return `<section class="panel" id="matrix-section" aria-labelledby="matrix-title">
  <h2 id="matrix-title">Matrix <span class="muted">providers × rules, one cell per rule, grouped by area</span></h2>
  ${legend()}
  <div class="matrix-scroll"><table class="matrix" style="--cols:${views.length}">
    <thead><tr><th class="corner">area</th>${head.join('')}</tr></thead>
    <tbody>${rows.join('\n')}</tbody>
  </table></div>
  <aside id="inspector" class="inspector" aria-live="polite"><p class="muted">Hover over a cell to see its rule; click to keep it here.</p></aside>
</section>`;
}
