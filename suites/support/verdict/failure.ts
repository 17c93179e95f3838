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

/** The target could not be exercised at all (unreachable, no credentials): not a verdict. */
export class SetupError extends Error {
  override readonly name = 'SetupError';
}
