import type { StepRecord } from '../../lib/verdicts.ts';
import { esc } from './escape.ts';

/** A command in a <pre> with a Copy button; the page script copies the <pre>'s text exactly. */
export function copyBlock(id: string, kind: string, text: string): string {
  return `<div class="copyable ${esc(kind)}"><pre id="${id}">${esc(text)}</pre>` +
    `<button type="button" class="copy" data-copy="${id}" aria-label="Copy ${esc(kind)}">Copy</button></div>`;
}

/** JSON bodies indented for reading; anything else shown as it came. */
function body(text: string | undefined): string {
  if (text === undefined || text === '') return '<p class="muted">no body</p>';
  let shown = text;
  try {
    shown = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // not JSON: keep it verbatim
  }
  return `<pre class="body">${esc(shown)}</pre>`;
}

const headers = (h: Record<string, string>) =>
  Object.keys(h).length
    ? `<table class="headers">${Object.entries(h).map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`
    : '';

/** One exchange: summary line (method, path, status), then request, response and curl. */
export function renderStep(step: StepRecord, open: boolean, idPrefix: string): string {
  const { request: rq, response: rs } = step;
  let path = rq.url;
  try {
    const u = new URL(rq.url);
    path = u.pathname + u.search;
  } catch {
    // not absolute: show as is
  }
  const status = rs
    ? `<span class="status st-${esc(Math.floor(Number(rs.status) / 100))}xx">${esc(rs.status)}${rs.code ? ` ${esc(rs.code)}` : ''}</span>`
    : '<span class="status">no response</span>';
  return `<details class="step"${open ? ' open' : ''}>
  <summary><span class="n">${esc(step.n)}</span><span class="label">${esc(step.label)}</span>` +
    `<code class="line">${esc(rq.method)} ${esc(path)}</code>${status}${step.retries ? `<span class="muted">${esc(step.retries)} retries</span>` : ''}</summary>
  <div class="exchange">
    <div><h5>Request <span class="muted">${esc(step.operation)}</span></h5><p class="url"><code>${esc(rq.method)} ${esc(rq.url)}</code></p>${headers(rq.headers)}${body(rq.body)}</div>
    <div><h5>Response</h5>${rs ? `<p class="url">${status}</p>${headers(rs.headers)}${body(rs.body)}` : '<p class="muted">no response was received</p>'}</div>
  </div>
  <h5>curl</h5>${copyBlock(`${idPrefix}-curl-${step.n}`, 'curl', step.curl)}
</details>`;
}
