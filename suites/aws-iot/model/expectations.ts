import { rule } from '../../support/rules.ts';
import { ALREADY, CONFLICT, INVALID, NOT_FOUND, OK, STATE, type CertModel, type Expectation } from './model.ts';

const outcomesOf = (id: string) => rule(id).outcomes;

/**
 * DeleteCertificate per the seed page: never ACTIVE (406), never with a thing attached (409,
 * forceDelete or not), never with a policy attached unless forceDelete (409). The documentation
 * states no order between the status and the attachment checks, so an ACTIVE certificate that
 * also has a conflicting attachment may answer either refusal.
 */
export function expectDelete(c: CertModel, force: boolean | undefined): Expectation {
  if (c.deleted) return { rule: 'AWSIOT-DEL-010', outcomes: [NOT_FOUND] };
  const conflict = c.things.size > 0 || (c.policies.size > 0 && force !== true);
  if (c.status === 'ACTIVE') {
    // DEL-001 takes the conflict's refusal too (no documented order): the catalog's sets.
    const refusals = conflict ? [...outcomesOf('AWSIOT-DEL-001'), ...outcomesOf('AWSIOT-DEL-002')] : outcomesOf('AWSIOT-DEL-001');
    return { rule: 'AWSIOT-DEL-001', outcomes: refusals };
  }
  if (c.things.size > 0) return { rule: force ? 'AWSIOT-DEL-003' : 'AWSIOT-DEL-002', outcomes: [CONFLICT] };
  if (c.policies.size > 0) return force ? { rule: 'AWSIOT-DEL-005', outcomes: [OK] } : { rule: 'AWSIOT-DEL-004', outcomes: [CONFLICT] };
  return { rule: 'AWSIOT-DEL-012', outcomes: [OK] };
}

export const INTERNAL_STATUSES = ['PENDING_TRANSFER', 'PENDING_ACTIVATION'];

/**
 * UpdateCertificate: unknown id 404; the internal statuses are refused (400 or 406, the model
 * names no exception); the same status again is 200 (idempotent). Leaving REVOKED is not
 * documented either way, so 200 and 406 CertificateStateException both stand there.
 */
export function expectUpdate(c: CertModel, newStatus: string): Expectation {
  if (c.deleted) return { rule: 'AWSIOT-UPD-004', outcomes: [NOT_FOUND] };
  if (INTERNAL_STATUSES.includes(newStatus)) return { rule: 'AWSIOT-UPD-001', outcomes: [INVALID, STATE] };
  if (c.status === newStatus) return { rule: 'AWSIOT-UPD-002', outcomes: [OK] };
  if (c.status === 'REVOKED') return { rule: 'AWSIOT-UPD-003', outcomes: [OK, STATE] };
  return { rule: 'AWSIOT-UPD-003', outcomes: [OK] };
}

/** RegisterCertificateWithoutCA of a PEM the model knows: 409 while it exists, 200 once deleted. */
export function expectReRegister(c: CertModel): Expectation {
  return c.deleted ? { rule: 'AWSIOT-REG-004', outcomes: [OK] } : { rule: 'AWSIOT-REG-001', outcomes: [ALREADY] };
}

/** A successful delete: gone, and its attachments with it (forced delete cascades, DEL-006). */
export function applyDelete(c: CertModel): void {
  c.deleted = true;
  c.cascaded = [...c.policies];
  c.policies.clear();
  c.things.clear();
}

/** A registration of a deleted certificate's PEM brings back a fresh record: no attachments. */
export function applyReRegister(c: CertModel, status: string): void {
  c.deleted = false;
  c.status = status;
  c.cascaded = [];
  c.policies.clear();
  c.things.clear();
}
