import type { Checker } from '../../support/checks/checker.ts';
import type { Exchange } from '../../support/http/exchange.ts';

/**
 * HWSCM-FMT-001 on one error answer: a JSON body with error_code of 3..36 characters and
 * error_msg of 0..1024 (the DeleteCertificate page's tables). Stated here as well as in the
 * spec's schema, so the rule is judged by itself and not only through SPEC-001.
 */
export function checkErrorBody(check: Checker, ex: Exchange): void {
  const b = ex.body as { error_code?: unknown; error_msg?: unknown } | undefined;
  const code = b?.error_code;
  const msg = b?.error_msg;
  const ok = typeof code === 'string' && code.length >= 3 && code.length <= 36 && typeof msg === 'string' && msg.length <= 1024;
  check.that('HWSCM-FMT-001', ok, `${ex.status} body ${JSON.stringify(ex.text.slice(0, 160))}`, '{"error_code": 3..36 chars, "error_msg": 0..1024 chars}');
}
