import { esc } from './escape.ts';
import { filterAttrs, plural, type PlacedRule } from './view-model.ts';
import { basisTag, outcomeBadge } from './vocabulary.ts';

/** What the table says beside a rule: the evidence in one line, or why it was not judged. */
function detail(p: PlacedRule): string {
  const r = p.rule;
  const chosen = r.chosen?.length ? `<br><span class="muted">target chose ${r.chosen.map(esc).join(', ')}</span>` : '';
  if (r.failure) return `<a href="#rule-${p.index}">received ${esc(r.failure.received)}, documented ${esc(r.failure.documented)}</a>`;
  if (r.outcome === 'error') return `<a href="#rule-${p.index}">${esc(r.reason ?? 'test broke')}</a>`;
  if (r.outcome === 'passed') return `${plural(r.checks, 'check')} held${chosen}`;
  return `<span class="muted clamp" title="${esc(r.reason ?? '')}">${esc(r.reason ?? '')}</span>`;
}

/** Every rule of every target, one row each, in catalog order; the filters hide rows. */
export function renderRulesTable(placed: PlacedRule[]): string {
  const rows = placed.map((p) =>
    `<tr ${filterAttrs(p)}><td>${outcomeBadge(p.rule.outcome)}</td>` +
    `<td><code class="id">${esc(p.rule.id)}</code> <span class="level l-${esc(p.rule.level)}">${esc(p.rule.level)}</span>${basisTag(p.rule.basis)}` +
    `<span class="op">${esc(p.rule.operation)} · ${esc(p.project)}</span></td>` +
    `<td class="stmt">${esc(p.rule.statement)}</td><td class="detail">${detail(p)}</td></tr>`);
  return `<section class="panel" id="rules" aria-labelledby="rules-title">
  <h2 id="rules-title">All rules <span class="muted"><span id="rules-shown">${placed.length}</span> shown</span></h2>
  <div class="table-scroll"><table class="rules">
    <colgroup><col class="c-outcome"><col class="c-rule"><col><col class="c-detail"></colgroup>
    <thead><tr><th>Outcome</th><th>Rule</th><th>Statement</th><th>Evidence</th></tr></thead>
    <tbody>${rows.join('\n')}</tbody>
  </table></div>
</section>`;
}
