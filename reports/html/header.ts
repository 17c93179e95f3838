import { notMet, partialNote, plural } from '../counts.ts';
import type { ConformanceReport } from '../report.ts';
import { esc } from './escape.ts';

const when = (iso: string) => esc(iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'));

function duration(started: string, finished: string): string {
  const ms = Date.parse(finished) - Date.parse(started);
  if (!Number.isFinite(ms) || ms < 0) return '';
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** The same verdict the CLI's exit code gives: setup error, a MUST rule not met, or conformant. */
function verdict(report: ConformanceReport): { tone: string; text: string } {
  const stopped = report.run.interrupted;
  if (stopped) return { tone: 'error', text: `Interrupted after ${stopped.testsEnded} of ${stopped.testsTotal} tests: no verdict` };
  if (report.run.setupErrors.length) return { tone: 'error', text: 'Setup error: the run could not judge the target' };
  const must = report.rules.filter(notMet).length;
  if (must) return { tone: 'failed', text: `Not conformant: ${plural(must, 'MUST rule')} not met` };
  // Not the CLI's wording: a run that judged nothing is no evidence of conformance.
  if (!report.rules.some((r) => ['passed', 'failed', 'error'].includes(r.outcome))) return { tone: 'error', text: 'Nothing judged: no rule ran' };
  return { tone: 'passed', text: `Conformant: every MUST rule that ran passed${partialNote(report)}` };
}

/** Title, verdict, run info (run id, seed, times, tool) and the targets with their spec hashes. */
export function renderHeader(report: ConformanceReport): string {
  const { run } = report;
  const v = verdict(report);
  const sha = run.tool.gitSha ? ` <span class="muted">git <code title="${esc(run.tool.gitSha)}">${esc(run.tool.gitSha.slice(0, 10))}</code></span>` : '';
  const facts: [string, string][] = [
    ['Run id', run.runId ? `<code>${esc(run.runId)}</code>` : '—'],
    ['Seed', run.seed !== undefined ? `<code>${esc(run.seed)}</code>` : '—'],
    ['Started', when(run.started)],
    ['Finished', `${when(run.finished)} <span class="muted">(${esc(duration(run.started, run.finished))})</span>`],
    ['Tool', `${esc(run.tool.name)} ${esc(run.tool.version)}${sha}`],
    ['Retries', `<span title="requests answered by a documented transient error (throttling, 503) and retried">${esc(run.retries)}</span>`],
  ];
  if (run.runs !== undefined) facts.splice(2, 0, ['Runs', esc(run.runs)]);
  const targets = run.targets
    .map((t) => `<tr><td><strong>${esc(t.project)}</strong></td><td>${esc(t.target)}</td><td><code>${esc(t.spec.file)}</code></td>` +
      `<td>${esc(t.spec.version)}</td><td><code class="hash" title="sha256 ${esc(t.spec.sha256)}">${esc(t.spec.sha256.slice(0, 16))}…</code></td></tr>`)
    .join('');
  const setup = run.setupErrors.length
    ? `<div class="alert" role="alert"><strong>Setup errors</strong><ul>${run.setupErrors.map((e) => `<li>${esc(e)}</li>`).join('')}</ul></div>`
    : '';
  return `<header class="top">
  <p class="brand">certconform · conformance report</p>
  <h1 class="verdict v-${v.tone}" id="verdict">${esc(v.text)}</h1>
  ${setup}
  <div class="run">
    <dl class="facts">${facts.map(([k, val]) => `<div><dt>${k}</dt><dd>${val}</dd></div>`).join('')}</dl>
    <table class="targets"${run.targets.length ? '' : ' hidden'}>
      <thead><tr><th>Project</th><th>Target</th><th>Spec</th><th>Version</th><th>Spec sha256</th></tr></thead>
      <tbody>${targets}</tbody>
    </table>
  </div>
</header>`;
}
