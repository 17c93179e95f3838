import type { Provider } from '../../lib/providers.ts';

/** The baseline file's format version (reports/schema/baseline.schema.json). */
export const BASELINE_VERSION = 1;

/** One known deviation: a rule a provider (or one of its targets) is known not to meet. */
export interface BaselineEntry {
  rule: string;
  provider: Provider;
  /** Only this target; absent: every target of the provider. */
  target?: string;
  reason: string;
  /** Last day (UTC, YYYY-MM-DD) the entry excuses the failure. */
  expires?: string;
}

export interface Baseline {
  version: number;
  entries: BaselineEntry[];
}

export const EMPTY_BASELINE: Baseline = { version: BASELINE_VERSION, entries: [] };

/** How an entry is named in messages: `AWSIOT-DEL-001 (aws-iot@mock)`. */
export const entryName = (e: BaselineEntry) => `${e.rule} (${e.provider}${e.target ? `@${e.target}` : ''})`;

/** Does the entry cover this rule of the report on this target? */
export const covers = (e: BaselineEntry, rule: { id: string; provider: string; target: string }) =>
  e.rule === rule.id && e.provider === rule.provider && (e.target === undefined || e.target === rule.target);

/** Expired once the UTC day after `expires` has begun; `today` is YYYY-MM-DD. */
export const isExpired = (e: BaselineEntry, today: string) => e.expires !== undefined && today > e.expires;

export const utcToday = (now = new Date()) => now.toISOString().slice(0, 10);
