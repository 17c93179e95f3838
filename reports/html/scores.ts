import { judgedPhrase, mustCounts, notJudgedPhrase } from '../counts.ts';
import type { ConformanceReport } from '../report.ts';
import { esc } from './escape.ts';
import { levelTallies, outcomeCounts, plural, scorePct, type ProjectView } from './view-model.ts';
import { OUTCOME_VIEW } from './vocabulary.ts';

const levelRow = (l: ReturnType<typeof levelTallies>[number]) =>
  `<tr><th>${esc(l.level)}</th><td>${l.run ? `${l.passed} / ${l.run} passed` : '<span class="muted">none run</span>'}</td>` +
  `<td class="muted">${plural(l.total, 'rule')}</td></tr>`;

/**
 * One card per provider@target: the score (MUST rules passed / MUST rules run, the figure the
 * gate uses), passed/run per level, and how many rules could not be judged and why.
 */
function card(report: ConformanceReport, view: ProjectView, summary: ConformanceReport['summary'][string] | undefined): string {
  const levels = levelTallies(view.rules);
  // The words the terminal and JUnit use (reports/counts.ts).
  const c = mustCounts(report, view.project);
  const judged = [judgedPhrase(c), notJudgedPhrase(c)].filter(Boolean).join('; ');
  const must = summary?.must ?? levels.find((l) => l.level === 'MUST') ?? { passed: 0, run: 0 };
  const score = summary ? summary.score : must.run ? must.passed / must.run : null;
  const tone = score === null ? 'none' : score === 1 ? 'passed' : 'failed';
  const counts = outcomeCounts(view.rules);
  const rest = (['failed', 'error', 'not-applicable', 'not-run'] as const)
    .filter((o) => counts[o])
    .map((o) => `<span class="chip o-${o}"><span class="sym" aria-hidden="true">${OUTCOME_VIEW[o].symbol}</span>${counts[o]} ${OUTCOME_VIEW[o].label}</span>`)
    .join(' ');
  return `<article class="card s-${tone}" data-project="${esc(view.project)}">
  <h3>${esc(view.project)}</h3>
  <p class="score"><span class="big">${score === null ? '—' : scorePct(score)}</span>
    <span class="score-text">${score === null ? (report.run.interrupted ? 'interrupted: no score' : 'no MUST rule ran') : `${must.passed} / ${must.run} MUST rules passed`}</span></p>
  <div class="bar" aria-hidden="true"><span style="width:${score === null ? 0 : (score * 100).toFixed(1)}%"></span></div>
  <p class="judged">${esc(judged)}</p>
  <table class="levels"><tbody>${levels.filter((l) => l.total).map(levelRow).join('')}</tbody></table>
  <p class="rest">${rest || '<span class="muted">every rule judged</span>'}</p>
</article>`;
}

export function renderScores(report: ConformanceReport, views: ProjectView[]): string {
  return `<section class="scores" aria-label="Scores">${views.map((v) => card(report, v, report.summary[v.project])).join('')}</section>`;
}
