import type { RawResponse } from './transport.ts';

/**
 * Documented transient answers that clients retry (the providers' SDK retry policies):
 * throttling and unavailability, never a verdict unless a rule is about them.
 */
const TRANSIENT_CODES = /Throttl|SystemOverFlow|ServiceUnavailable|InternalFailure|^InternalError$/;
const TRANSIENT_STATUS = new Set([429, 502, 503, 504]);

export const isTransient = (status: number, code: string | undefined) => TRANSIENT_STATUS.has(status) || (code !== undefined && TRANSIENT_CODES.test(code));

/** Back-off before retry `attempt` (1-based): Retry-After when sent (capped), else exponential. */
export function backoffMs(attempt: number, res: RawResponse): number {
  const after = Number(res.headers['retry-after']);
  if (Number.isFinite(after) && after >= 0) return Math.min(after * 1000, 5_000);
  return Math.min(50 * 2 ** (attempt - 1), 2_000) * (0.5 + Math.random() / 2);
}
