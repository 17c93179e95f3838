import type { Exchange } from '../../support/http/exchange.ts';
import { preparationFailed } from '../../support/verdict/failure.ts';

/**
 * A step the scenario needs before it can judge its rule (e.g. the import before a delete).
 * If it fails the test errors (the rule is reported as error, not as failed or passed); a
 * 401/403 there is a setup error (the credentials were refused).
 */
export function precondition(ex: Exchange, status: number, what: string): void {
  if (ex.status !== status) throw preparationFailed(what, ex, status);
}
