import type { FailureRecord, StepRecord } from '../../../lib/verdicts.ts';

/**
 * A rule the target broke. The message has one fixed shape so people and tools read it alike:
 *   [AWSIOT-DEL-001 MUST] <statement>
 *   Received: 200 / Documented: 406 CertificateStateException
 */
export class ConformanceFailure extends Error {
  override readonly name = 'ConformanceFailure';
  sequence?: string[];
  replay?: FailureRecord['replay'];

  constructor(
    readonly rule: string,
    readonly level: string,
    readonly statement: string,
    readonly received: string,
    readonly documented: string,
    readonly steps: StepRecord[],
  ) {
    super(`[${rule} ${level}] ${statement}\nReceived: ${received} / Documented: ${documented}`);
  }

  toRecord(): FailureRecord {
    return {
      rule: this.rule,
      level: this.level,
      message: this.message,
      received: this.received,
      documented: this.documented,
      steps: this.steps,
      ...(this.sequence ? { sequence: this.sequence } : {}),
      ...(this.replay ? { replay: this.replay } : {}),
    };
  }
}

/** SetupErrors made in this worker, newest last: the verdicts fixture finds the one a test ended with. */
const raised: SetupError[] = [];

/** The target could not be exercised at all (unreachable, no credentials): not a verdict. */
export class SetupError extends Error {
  override readonly name = 'SetupError';

  constructor(message: string) {
    super(message);
    raised.push(this);
    if (raised.length > 50) raised.shift();
  }
}

/** The SetupError a test ended with, given the message Playwright reports for it (structured, not parsed). */
export const setupErrorOf = (reported: string | undefined): SetupError | undefined =>
  reported === undefined ? undefined : raised.slice().reverse().find((e) => reported.includes(e.message));

/**
 * The target refused the run's own credentials (401/403) while a test prepared its resources
 * (expired credentials, a role without a permission): the rules of that test are not judged.
 * Only the answer to the request a rule is about can fail that rule.
 */
export class CredentialsRefused extends SetupError {}

/**
 * What a preparation step that did not get what the test needs throws: a 401/403 is the
 * credentials' answer (a SetupError), anything else breaks the test (its rules: error).
 */
export function preparationFailed(what: string, ex: { status: number; code?: string }, needs?: number): Error {
  const answer = `${ex.status}${ex.code ? ` ${ex.code}` : ''}`;
  if (ex.status === 401 || ex.status === 403) {
    return new CredentialsRefused(`setup: ${what} answered ${answer}: the target refused the run's credentials while the test prepared its resources (expired, or missing a permission)`);
  }
  return new Error(`setup: ${what} answered ${answer}${needs ? `, the test needs ${needs}` : ''}`);
}
