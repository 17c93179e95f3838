import type { Operation } from '../../../lib/spec/operations.ts';
import type { StepRecord } from '../../../lib/verdicts.ts';

/** One answered request, as checks see it. */
export interface Exchange {
  op: Operation;
  label: string;
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON; undefined when empty or not JSON. */
  body: unknown;
  /** The error code in the provider's dialect (header or body), when there is one. */
  code?: string;
  step: StepRecord;
}

export function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `404 ResourceNotFoundException` / `204`. */
export const describeAnswer = (ex: Pick<Exchange, 'status' | 'code'>) => `${ex.status}${ex.code ? ` ${ex.code}` : ''}`;
