import { parityRows } from '../parity.ts';
import type { ConformanceReport } from '../report.ts';
import { esc } from './escape.ts';

/**
 * The parity view: the rules where the targets of one provider (implementations compared in one
 * run) disagree, MUST first; nothing when every provider has one target or its targets agree.
 */
export function renderParity(report: ConformanceReport): string {
  const rows = parityRows(report);
  if (!rows.length) return '';
  const targets = [...new Set(rows.flatMap((r) => Object.keys(r.outcomes)))];
  const head = `<tr><th>rule</th><th>level</th><th>provider</th>${targets.map((t) => `<th>${esc(t)}</th>`).join('')}</tr>`;
  const body = rows
    .map((r) => `<tr><td><code>${esc(r.id)}</code></td><td>${esc(r.level)}</td><td>${esc(r.provider)}</td>` +
      `${targets.map((t) => `<td>${esc(r.outcomes[t] ?? '')}</td>`).join('')}</tr>`)
    .join('\n');
  return `<section class="parity" id="parity" aria-label="Parity">
<h2>Targets disagree on ${rows.length} rule${rows.length === 1 ? '' : 's'}</h2>
<table class="parity-table"><thead>${head}</thead><tbody>
${body}
</tbody></table>
</section>`;
}
