import type { FailureRecord } from '../../lib/verdicts.ts';
import type { RuleEntry } from '../report.ts';
import { esc } from './escape.ts';
import { copyBlock, renderStep } from './steps.ts';
import { filterAttrs, plural, type PlacedRule } from './view-model.ts';
import { basisTag, outcomeBadge } from './vocabulary.ts';

const LEVEL_RANK: Record<string, number> = { MUST: 0, SHOULD: 1, INFO: 2 };
const heading = (title: string, note: string) => `<h4>${title} <span class="muted">${note}</span></h4>`;

/** The documentation passage the rule comes from: file, heading and the quoted words. */
const sourcePointer = (s: RuleEntry['source']) =>
  `<div class="source"><span class="k">Source</span><code>${esc(s.file)}</code> <span class="muted">§</span> ${esc(s.heading)}` +
  `${s.quote ? `<blockquote>${esc(s.quote)}</blockquote>` : ''}</div>`;

/** Received vs documented, the shrunk sequence, every step with its curl, and the replay. */
function evidence(f: FailureRecord, id: string): string {
  const sequence = f.sequence?.length
    ? heading('Shrunk sequence', 'the minimal failing run of operations') +
      `<ol class="sequence">${f.sequence.map((s) => `<li><code>${esc(s.replace(/^\d+\.\s*/, ''))}</code></li>`).join('')}</ol>`
    : '';
  const steps = f.steps.length
    ? heading('Steps', `${plural(f.steps.length, 'exchange')}, redacted`) + f.steps.map((s, i) => renderStep(s, i === f.steps.length - 1, id)).join('')
    : '<p class="muted">No exchanges were recorded for this failure.</p>';
  const replay = f.replay
    ? heading('Replay', `seed ${esc(f.replay.seed)}${f.replay.path ? `, path ${esc(f.replay.path)}` : ''}`) + copyBlock(`${id}-replay`, 'replay', f.replay.command)
    : '';
  return `<div class="rd">
    <div class="rd-item received"><span class="k">Received</span><code>${esc(f.received)}</code></div>
    <div class="rd-item documented"><span class="k">Documented</span><code>${esc(f.documented)}</code></div>
  </div>${sequence}${steps}${replay}
  <details class="message"><summary>Full failure message</summary><pre>${esc(f.message)}</pre></details>`;
}

const broke = (reason: string | undefined) =>
  `<div class="broke"><span class="k">What broke</span><pre>${esc(reason ?? 'the test ended without a verdict')}</pre></div>`;

function card(p: PlacedRule): string {
  const r = p.rule;
  const chosen = r.chosen?.length
    ? `<p class="chosen"><span class="k">Chosen</span>where sources disagree the target answered <code>${r.chosen.map(esc).join('</code>, <code>')}</code></p>`
    : '';
  const tests = r.tests.length
    ? `<details class="tests"><summary>${plural(r.tests.length, 'test')} ${r.tests.length === 1 ? 'checks' : 'check'} this rule</summary><ul>${r.tests.map((t) => `<li><code>${esc(t)}</code></li>`).join('')}</ul></details>`
    : '';
  return `<article class="failure f-${esc(r.outcome)}" id="rule-${p.index}" ${filterAttrs(p)}>
  <header>${outcomeBadge(r.outcome)}<h3>${esc(r.id)}</h3><span class="level l-${esc(r.level)}">${esc(r.level)}</span>${basisTag(r.basis)}
    <span class="where">${esc(p.project)} · <code>${esc(r.operation)}</code> · ${esc(r.category)}</span></header>
  <p class="statement">${esc(r.statement)}</p>
  ${sourcePointer(r.source)}${chosen}
  ${r.failure ? evidence(r.failure, `r${p.index}`) : broke(r.reason)}
  ${tests}
</article>`;
}

/** A card per failed rule and per errored rule: failures first, MUST first, with the evidence. */
export function renderFailures(placed: PlacedRule[]): string {
  const rank = (p: PlacedRule) => (p.rule.outcome === 'error' ? 10 : 0) + (LEVEL_RANK[p.rule.level] ?? 9);
  const bad = placed.filter((p) => p.rule.outcome === 'failed' || p.rule.outcome === 'error').sort((a, b) => rank(a) - rank(b) || a.index - b.index);
  const none = placed.length
    ? '<p class="empty">No rule failed and no test broke. Nothing to reproduce.</p>'
    : '<p class="empty filtered-out">Nothing ran.</p>';
  return `<section class="panel" id="failures" aria-labelledby="failures-title">
  <h2 id="failures-title">Failures and errors <span class="muted"><span id="failures-shown">${bad.length}</span> shown</span></h2>
  ${bad.length ? bad.map(card).join('\n') : none}
  <p class="empty filtered-out" hidden>The filters hide every failure and error.</p>
</section>`;
}
