import type { Provider } from '../../lib/providers.ts';
import { documentedCodes, errorCodeOf } from '../../lib/spec/dialect.ts';
import type { Spec } from '../../lib/spec/load.ts';
import type { RawResult } from './fuzz-raw.ts';

/** Every error status the spec documents for any operation, with its closed code set ('any' where open). */
function documentedErrors(spec: Spec): Map<number, Set<string> | 'any'> {
  const out = new Map<number, Set<string> | 'any'>();
  for (const op of spec.operations.values()) {
    for (const status of op.responses.keys()) {
      if (!/^4\d\d$/.test(status)) continue;
      const codes = documentedCodes(spec, op, status);
      const prev = out.get(Number(status));
      if (!codes || prev === 'any') out.set(Number(status), 'any');
      else out.set(Number(status), new Set([...(prev ?? []), ...codes]));
    }
  }
  return out;
}

/**
 * Answers outside every operation that a dialect gives in HTTP's own terms, because the
 * provider documents none (mock/providers/azure-keyvault/dialect.ts: a known path with a
 * method it does not have is 405 with Allow).
 */
const OUTSIDE_OPERATIONS: Partial<Record<Provider, Record<number, string[]>>> = {
  'azure-keyvault': { 405: ['MethodNotAllowed'] },
};

const cache = new Map<Spec, Map<number, Set<string> | 'any'>>();

/** The codes documented at a status ('any' where open, undefined where the status is not documented). */
function documentedAt(spec: Spec, status: number): Set<string> | 'any' | undefined {
  const extra = OUTSIDE_OPERATIONS[spec.provider]?.[status];
  const own = (cache.get(spec) ?? cache.set(spec, documentedErrors(spec)).get(spec)!).get(status);
  if (own === 'any' || !extra) return own;
  return new Set([...(own ?? []), ...extra]);
}

/**
 * What is wrong with the mock's answer to one fuzz case, or undefined: every answer is below
 * 500, an error is a status and code the provider documents in its wire dialect, an unsigned
 * request never succeeds, and only broken HTTP may go unanswered (the connection closed).
 */
export function judge(spec: Spec, result: RawResult, c: { broken: boolean; signed: boolean; head?: boolean }): string | undefined {
  const res = result.response;
  if (!res) {
    if (result.end === 'hung') return 'no answer and the connection is still open';
    return c.broken ? undefined : 'the connection closed without an answer to well-formed HTTP';
  }
  const { status } = res;
  if (status >= 500) return `answered ${status}: ${res.body.slice(0, 300)}`;
  if (status < 400) return c.signed ? undefined : `an unsigned request succeeded with ${status}`;
  const documented = documentedAt(spec, status);
  if (!documented) return `${status} is a status no operation of ${spec.provider} documents`;
  let body: unknown;
  try {
    body = c.head ? undefined : JSON.parse(res.body);
  } catch {
    return `the ${status} body is not JSON: ${res.body.slice(0, 200)}`;
  }
  const code = errorCodeOf(spec, res.headers, body);
  // An answer to HEAD has no body: only a dialect with an error-type header shows its code.
  if (!code) return c.head ? undefined : `the ${status} answer carries no error code where the dialect puts it: ${res.body.slice(0, 200)}`;
  if (documented !== 'any' && !documented.has(code)) return `${status} ${code}: ${spec.provider} documents ${[...documented].join(', ')} at ${status}`;
  return undefined;
}
