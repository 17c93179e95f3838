/**
 * What a suite test tells the conformance reporter (reports/), as a JSON attachment named
 * VERDICTS_ATTACHMENT: per rule, how often it held, whether it failed (with the evidence),
 * or why it could not be judged. Closed vocabularies, versioned with the report.
 */
export const VERDICTS_ATTACHMENT = 'certconform-verdicts';

/** One HTTP exchange as the report shows it: redacted, with a curl command that replays it. */
export interface StepRecord {
  n: number;
  /** What the step meant, e.g. `DeleteCertificate(id=3f9a.., INACTIVE)`. */
  label: string;
  operation: string;
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response?: { status: number; headers: Record<string, string>; body?: string; code?: string };
  curl: string;
  /** Retries spent on documented transient answers (throttling, 503) before this response. */
  retries?: number;
}

export interface FailureRecord {
  rule: string;
  level: string;
  message: string;
  received: string;
  documented: string;
  /** The exchanges that led there (for a property: the shrunk sequence's). */
  steps: StepRecord[];
  /** The commands of the shrunk sequence as readable steps (model-based tests). */
  sequence?: string[];
  replay?: { seed: number; path?: string; command: string };
}

export interface RuleVerdict {
  /** Checks of this rule that held. */
  passed: number;
  failure?: FailureRecord;
  /** Why the rule could not be judged here (not run) or does not apply to this target. */
  notRun?: string;
  notApplicable?: string;
  /** Which documented outcome the target chose, where sources disagree (status or status code). */
  chosen?: string[];
}

export interface VerdictsAttachment {
  provider: string;
  /** Rule id -> verdict. */
  rules: Record<string, RuleVerdict>;
  /** Requests answered by a documented transient error and retried. */
  retries: number;
  seed?: number;
  /**
   * The test ended on a setup error (the target unreachable, the credentials refused while it
   * prepared its resources): the reason. Its rules are `error`, never `failed`, and the run exits 2.
   */
  setupError?: string;
  /** The rule whose failure stopped the test: its other rules were not reached (not run). */
  stoppedBy?: string;
}
