import type { Operation } from '../../../lib/spec/operations.ts';
import type { SignableRequest } from '../signing/request.ts';
import type { Target } from '../target/targets.ts';

/** What a test asks of one operation; the wire module turns it into an HTTP request. */
export interface CallInput {
  path?: Record<string, string>;
  /** undefined values are left out; a required query parameter the contract pins (api-version) is filled in. */
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** Serialised as JSON (content-type application/json) unless `rawBody` is given. */
  body?: unknown;
  /** Sent byte for byte (malformed JSON, oversized bodies); content-type from `headers`. */
  rawBody?: string;
}

/**
 * One provider's wire dialect as a client speaks it: how an operation becomes a request, and
 * how the request is authenticated with the provider's own signing code.
 */
export interface Wire {
  encode(op: Operation, input: CallInput, target: Target): SignableRequest;
  /** Adds credentials; `send` lets a challenge-based scheme (Azure) make its first leg. */
  authorize(req: SignableRequest, target: Target, send: (r: SignableRequest) => Promise<{ status: number; headers: Record<string, string> }>): Promise<SignableRequest>;
  /** Secrets to mask in every output (registered once per target). */
  secrets(target: Target): string[];
}

/** Fills the path template and query the way every REST client does (RFC 3986 escaping). */
export function restUrl(base: string, op: Operation, input: CallInput): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const v = input.path?.[name];
    if (v === undefined) throw new Error(`${op.operationId}: path parameter '${name}' is missing`);
    return encodeURIComponent(v);
  });
  const q = new URLSearchParams();
  for (const p of op.parameters) {
    if (p.in !== 'query' || !p.required || (input.query && p.name in input.query)) continue;
    // Pinned by the contract: a single-value enum, or the value the spec says clients send
    // (`x-certconform-sends`, e.g. Azure's api-version 7.0 where no closed set is documented).
    const values = p.schema.enum as unknown[] | undefined;
    const sends = p.schema['x-certconform-sends'];
    const pinned = typeof sends === 'string' ? sends : values?.length === 1 ? values[0] : undefined;
    if (pinned !== undefined) q.set(p.name, String(pinned));
  }
  for (const [k, v] of Object.entries(input.query ?? {})) if (v !== undefined) q.set(k, String(v));
  const qs = q.toString().replace(/\+/g, '%20');
  return `${base}${path}${qs ? `?${qs}` : ''}`;
}

/** The caller's headers without the ones left out (undefined: a negative case removed them). */
export const ownHeaders = (input: CallInput): Record<string, string> =>
  Object.fromEntries(Object.entries(input.headers ?? {}).filter(([, v]) => v !== undefined));

export function jsonBody(input: CallInput): { body?: string; headers: Record<string, string> } {
  if (input.rawBody !== undefined) return { body: input.rawBody, headers: ownHeaders(input) };
  if (input.body === undefined) return { headers: ownHeaders(input) };
  return { body: JSON.stringify(input.body), headers: { 'content-type': 'application/json', ...ownHeaders(input) } };
}
