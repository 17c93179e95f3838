import type { Checker } from '../../support/checks/checker.ts';
import type { Exchange } from '../../support/http/exchange.ts';
import { rule } from '../../support/rules.ts';

type ErrorBody = { error_code?: unknown; error_msg?: unknown };
const isObject = (b: unknown): b is ErrorBody => typeof b === 'object' && b !== null && !Array.isArray(b);
const fits = (v: unknown, min: number, max: number) => v === undefined || (typeof v === 'string' && v.length >= min && v.length <= max);

/**
 * One error answer against the DeleteCertificate page's tables. HWSCM-FMT-001 (MUST), on the
 * statuses the tables are for: a JSON object whose error_code (3..36) and error_msg (0..1024),
 * where present, are strings of those lengths; the tables mark neither mandatory. HWSCM-FMT-003
 * (SHOULD), on every error: both are there, as every example response shows. Stated here as
 * well as in the schema, so each rule is judged by itself.
 */
export function checkErrorBody(check: Checker, ex: Exchange): void {
  const b = ex.body;
  const received = () => `${ex.status} body ${JSON.stringify(ex.text.slice(0, 160))}`;
  if (rule('HWSCM-FMT-001').outcomes.some((o) => o.status === ex.status)) {
    const ok = isObject(b) && fits(b.error_code, 3, 36) && fits(b.error_msg, 0, 1024);
    check.that('HWSCM-FMT-001', ok, received, 'a JSON object; error_code 3..36 and error_msg 0..1024 characters where present');
  }
  const both = isObject(b) && b.error_code !== undefined && b.error_msg !== undefined;
  check.that('HWSCM-FMT-003', both, received, '{"error_code": ..., "error_msg": ...}');
}
