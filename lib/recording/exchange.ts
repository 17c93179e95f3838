import { isSecretParam, MASK, redactText } from '../redact.ts';
import type { RecordedExchange } from './format.ts';
import type { Normaliser } from './normaliser.ts';

/** One exchange as the suite's client saw it (before redaction). */
export interface RawExchange {
  operation: string;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  status: number;
  responseText: string;
  code?: string;
  curl?: string;
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const contentType = (h: Record<string, string>) => Object.entries(h).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';

/** A body as data: JSON parsed, a form as its fields, other text as `<text:N chars>`. */
function bodyOf(text: string | undefined, type: string, norm: Normaliser): unknown {
  if (!text) return undefined;
  const json = parse(text);
  if (json !== undefined) return norm.json(json);
  if (/x-www-form-urlencoded/i.test(type)) return norm.json(Object.fromEntries(new URLSearchParams(redactText(text))));
  return `<text:${text.length} chars>`;
}

/** The exchange normalised with the test's normaliser (identity kept across its exchanges). */
export function normaliseExchange(n: number, raw: RawExchange, norm: Normaliser, withCurl: boolean): RecordedExchange {
  const u = new URL(raw.url);
  const query = Object.fromEntries([...u.searchParams].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, isSecretParam(k) ? MASK : norm.value(v)]));
  const reqBody = bodyOf(raw.requestBody, contentType(raw.requestHeaders), norm);
  const resBody = bodyOf(raw.responseText, 'application/json', norm);
  return {
    n,
    operation: raw.operation,
    request: { method: raw.method.toUpperCase(), path: norm.path(u.pathname), ...(Object.keys(query).length ? { query } : {}), ...(reqBody !== undefined ? { body: reqBody } : {}) },
    response: { status: raw.status, ...(raw.code ? { code: raw.code } : {}), ...(resBody !== undefined ? { body: resBody } : {}) },
    ...(withCurl && raw.curl ? { curl: redactText(raw.curl) } : {}),
  };
}
