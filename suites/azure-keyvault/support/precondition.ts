import type { Exchange } from '../../support/http/exchange.ts';

/**
 * A step the scenario needs before it can judge its rule (e.g. the import before a delete).
 * If it fails the test errors (the rule is reported as error, not as failed or passed).
 */
export function precondition(ex: Exchange, status: number, what: string): void {
  if (ex.status !== status) throw new Error(`precondition: ${what} answered ${ex.status}${ex.code ? ` ${ex.code}` : ''}, the scenario needs ${status}`);
}
