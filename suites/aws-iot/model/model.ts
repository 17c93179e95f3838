import type { Outcome } from '../../../lib/rules/catalog.ts';

/**
 * The suite's reading of the AWS IoT documentation as state (DESIGN.md §5): certificates with
 * their status, attached policies and things, and what their deletion left behind. Smaller
 * than any engine: only what the delete preconditions and the deletion invariants need.
 */
export interface CertModel {
  id: string;
  arn: string;
  pem: string;
  status: string;
  policies: Set<string>;
  things: Set<string>;
  deleted: boolean;
  /** Policies that were attached when a forced delete removed the certificate (DEL-006). */
  cascaded: string[];
  /** When the last detachment happened: the service may need seconds to see it (ATT-001). */
  detachedAt?: number;
}

export interface Model {
  certs: CertModel[];
  policies: string[];
  things: string[];
}

/** What one request may answer, under which rule, and what a success does to the model. */
export interface Expectation {
  rule: string;
  outcomes: Outcome[];
}

export const OK: Outcome = { status: 200 };
export const NOT_FOUND: Outcome = { status: 404, code: 'ResourceNotFoundException' };
export const STATE: Outcome = { status: 406, code: 'CertificateStateException' };
export const CONFLICT: Outcome = { status: 409, code: 'DeleteConflictException' };
export const ALREADY: Outcome = { status: 409, code: 'ResourceAlreadyExistsException' };
export const INVALID: Outcome = { status: 400, code: 'InvalidRequestException' };

export const newCert = (id: string, arn: string, pem: string, status: string): CertModel => ({
  id, arn, pem, status, policies: new Set(), things: new Set(), deleted: false, cascaded: [],
});

/** Index-based picks resolve against the current model (fast-check shrinks the indexes). */
export const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;
export const live = (m: Model) => m.certs.filter((c) => !c.deleted);
