import type { Provider } from '../../lib/providers.ts';
import { scrub } from './redact.ts';

/** One contract violation of one exchange: a line of `proxy-violations.ndjson`. */
export interface Violation {
  time: string;
  provider: Provider;
  method: string;
  /** The request-target as sent, secrets masked. */
  target: string;
  /** Alibaba RPC: the action, i.e. the spec's pseudo-path operation the request maps to. */
  action?: string;
  /** The status the implementation answered with. */
  status: number;
  /** Prism's severity: Error, Warning, Information, Hint. */
  severity: string;
  /** Where: `request.query.Sn`, `response.body.certificateId`, ... */
  location: string;
  code?: string | number;
  message: string;
}

/** What a violation is about, before Prism's findings are added. */
export type Exchange = Pick<Violation, 'provider' | 'method' | 'target' | 'action' | 'status'>;

interface PrismFinding {
  location?: string[];
  severity?: string;
  code?: string | number;
  message?: string;
}

/**
 * Prism's `sl-violations` header (a JSON array; past 8 KiB Prism truncates it behind
 * "Too many violations!", which is then reported as one finding with the text as is).
 */
export function parseFindings(header: string | string[] | undefined): PrismFinding[] {
  if (header === undefined) return [];
  const text = Array.isArray(header) ? header.join(', ') : header;
  try {
    const list = JSON.parse(text) as unknown;
    if (Array.isArray(list)) return list as PrismFinding[];
  } catch {
    // not JSON: fall through
  }
  return [{ location: ['response'], severity: 'Error', message: text }];
}

export function violation(ex: Exchange, f: PrismFinding, secrets: string[]): Violation {
  return {
    time: new Date().toISOString(),
    ...ex,
    severity: f.severity ?? 'Error',
    location: scrub((f.location ?? []).join('.'), secrets),
    ...(f.code !== undefined ? { code: f.code } : {}),
    message: scrub(f.message ?? '', secrets),
  };
}

/** One readable line: `DELETE /v3/scm/certificates/x -> 204  request.path.certificate_id: must ... [Error]`. */
export function formatViolation(v: Violation): string {
  const what = v.action ? `${v.method} ${v.target} (${v.action})` : `${v.method} ${v.target}`;
  return `${v.provider} ${what} -> ${v.status}  ${v.location}: ${v.message} [${v.severity}]`;
}
