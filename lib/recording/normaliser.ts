import { isSecretParam, MASK, redactJson, redactText } from '../redact.ts';
import { kindOf } from './kinds.ts';

// Longer values with no form of their own (a negative test's 64 KiB string) are kept as a length.
const MAX_VALUE = 256;
// Forms that also occur inside longer text (messages, labels, URLs): replaced where they occur.
const EMBEDDED = /arn:[\w-]+:[\w-]*:[\w-]*:\d*:[^\s"',;]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{16,}\b|\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})?/gi;
// Epoch seconds or milliseconds (2001..2286): dates written as numbers.
const isEpoch = (n: number) => (n >= 1e9 && n < 1e10) || (n >= 1e12 && n < 1e13);

/**
 * Replaces what changes from run to run (ids, ARNs, names carrying the run id, dates, request
 * ids, tokens, certificates) by placeholders that keep identity within one recording: the same
 * value is `<hex:1>` wherever it appears, in a path, a body or an ARN. Secrets are masked first
 * (lib/redact.ts) and never reach a placeholder table. One instance per test.
 */
export class Normaliser {
  private readonly table = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly runId?: string) {}

  private placeholder(kind: string, value: string): string {
    const known = this.table.get(value);
    if (known) return known;
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    const p = `<${kind}:${n}>`;
    this.table.set(value, p);
    return p;
  }

  /** One whole value (a JSON string, a path segment, a query value). */
  value(raw: string): string {
    const s = redactText(raw);
    if (s === MASK || s.length < 4) return s;
    const known = this.table.get(s);
    if (known) return known;
    const kind = kindOf(s);
    // ARNs and URLs keep their structure: the names inside them become placeholders.
    if (kind === 'arn') return this.arn(s);
    if (kind === 'url') return this.url(s);
    if (this.runId && s.includes(this.runId)) return this.placeholder('name', s);
    if (!kind && s.length > MAX_VALUE) return `<${s.length} chars>`;
    if (kind === 'date') return this.placeholder('date', s);
    return kind ? this.placeholder(kind, s) : s;
  }

  /** `arn:aws:iot:<region:1>:<account:1>:cert/<hex:1>`: partition, service and resource type stay. */
  private arn(s: string): string {
    const [arn, partition, service, region = '', account = '', ...rest] = s.split(':');
    const resource = rest.join(':').split('/').map((part, i) => (i === 0 && !rest.join(':').startsWith('/') ? part : this.value(part)));
    return [arn, partition, service, region && this.placeholder('region', region), account && this.placeholder('account', account), resource.join('/')].join(':');
  }

  /** `<origin:1>/certificates/<name:1>/<hex:2>?api-version=7.0`. */
  url(s: string): string {
    let u: URL;
    try {
      u = new URL(redactText(s));
    } catch {
      return this.text(s);
    }
    const query = [...u.searchParams].map(([k, v]) => `${k}=${isSecretParam(k) ? MASK : this.value(v)}`).join('&');
    return `${this.placeholder('origin', u.origin)}${this.path(u.pathname)}${query ? `?${query}` : ''}`;
  }

  path(p: string): string {
    return p.split('/').map((seg) => (seg ? this.value(decodeURIComponentSafe(seg)) : seg)).join('/');
  }

  /** Free text (messages): known values and the embedded forms above replaced where they occur. */
  text(raw: string): string {
    let s = redactText(raw);
    if (this.runId) s = s.split(this.runId).join('<run>');
    if (s.length > 4 * MAX_VALUE) return `<text: ${s.length} chars>`;
    for (const [value, p] of [...this.table].sort((a, b) => b[0].length - a[0].length)) {
      if (value.length >= 8 && s.includes(value)) s = s.split(value).join(p);
    }
    return s.replace(EMBEDDED, (m) => this.value(m));
  }

  /** A parsed JSON body: secret members masked, every string a value (or text when it has spaces). */
  json(body: unknown): unknown {
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return /\s/.test(v) && !v.includes('-----BEGIN ') ? this.text(v) : this.value(v);
      if (typeof v === 'number') return isEpoch(v) ? this.placeholder('time', String(v)) : v;
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
      return v;
    };
    return walk(redactJson(body));
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
