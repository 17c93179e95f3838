import type { Checker } from '../../support/checks/checker.ts';
import type { ApiClient } from '../../support/http/client.ts';
import { describeAnswer, type Exchange } from '../../support/http/exchange.ts';
import type { Scm } from '../support/scm.ts';
import type { Expectation } from './model.ts';

/** The system under test as the commands see it: the client, the checks, the run id. */
export interface ScmReal {
  api: ApiClient;
  check: Checker;
  scm: Scm;
  runId: string;
}

/**
 * Records what a command resolved (so toString() shows the answer even when the check below
 * throws), then asserts the answer against the model's expectation.
 */
export function judge(real: ScmReal, ex: Exchange, expected: Expectation, resolve: (answer: string) => void): void {
  resolve(describeAnswer(ex));
  real.check.outcome(expected.rule, ex, expected.outcomes);
}
