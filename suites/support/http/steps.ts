import { redactHeaders, redactText } from '../signing/redact.ts';
import type { SignableRequest } from '../signing/request.ts';
import type { StepRecord } from '../../../lib/verdicts.ts';
import type { RawExchange } from '../../../lib/recording/exchange.ts';
import { toCurl } from './curl.ts';
import type { RawResponse } from './transport.ts';

const clip = (s: string, n = 2048) => (s.length > n ? `${s.slice(0, n)}...(${s.length} chars)` : s);

/**
 * The exchanges of one test (or of one property run: `restart()` at each run), redacted as
 * they are recorded: a failure reports the steps that led to it.
 */
export class StepLog {
  private steps: StepRecord[] = [];
  private n = 0;
  /** Sees every exchange, unclipped, across restarts (`run --record`: suites/support/recording/). */
  tap?: (raw: RawExchange) => void;

  restart(): void {
    this.steps = [];
    this.n = 0;
  }

  record(label: string, operation: string, req: SignableRequest, res: RawResponse | undefined, code: string | undefined, retries: number, caFile?: string): StepRecord {
    const body = req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : Buffer.from(req.body).toString('utf8');
    const step: StepRecord = {
      n: ++this.n,
      label,
      operation,
      request: { method: req.method, url: redactText(req.url), headers: redactHeaders({ ...req.headers }), ...(body === undefined ? {} : { body: clip(redactText(body)) }) },
      ...(res ? { response: { status: res.status, headers: redactHeaders(res.headers), ...(res.text ? { body: clip(redactText(res.text)) } : {}), ...(code ? { code } : {}) } } : {}),
      curl: toCurl(req, caFile),
      ...(retries ? { retries } : {}),
    };
    this.steps.push(step);
    if (res) this.tap?.({ operation, method: req.method, url: req.url, requestHeaders: req.headers, requestBody: body, status: res.status, responseText: res.text, code, curl: step.curl });
    if (this.steps.length > 200) this.steps.shift(); // a long sequence keeps its tail
    return step;
  }

  all(): StepRecord[] {
    return [...this.steps];
  }
}
