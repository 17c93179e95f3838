import { randomUUID } from 'node:crypto';
import { certificateArn, type Where } from './arn.ts';
import { alreadyExists, certificateState, deleteConflict, invalidRequest, notFound } from './errors.ts';
import { paginate, type PageRequest } from './paging.ts';
import { parseCertificatePem } from './pem.ts';
import type { CertificateRecord, CertificateStatus, IotState } from './state.ts';

/**
 * Status when RegisterCertificateWithoutCA names none (the model documents no default).
 * INACTIVE: the sibling operations make activation an opt-in flag (RegisterCertificate's and
 * CreateKeysAndCertificate's `setAsActive`), and an inactive certificate cannot authenticate a
 * device the caller did not mean to enable. The suite accepts any status here (AWSIOT-REG-008
 * only covers an explicit one).
 */
export const DEFAULT_REGISTER_STATUS: CertificateStatus = 'INACTIVE';

/** "Setting the status to PENDING_TRANSFER or PENDING_ACTIVATION will result in an exception" (AWSIOT-UPD-001). */
const INTERNAL_STATUSES = ['PENDING_TRANSFER', 'PENDING_ACTIVATION'];

/** The model's default page size of ListCertificates (AWSIOT-LST-001). */
export const DEFAULT_PAGE_SIZE = 25;

/** Ids are hex; compared without regard to case. A `0x` id (62 digits) can match no SHA-256. */
export function findCertificate(state: IotState, certificateId: string): CertificateRecord {
  const cert = state.certificates.get(certificateId.toLowerCase());
  if (!cert) throw notFound(`The certificate ${certificateId} does not exist.`);
  return cert;
}

export function certificateByArn(state: IotState, arn: string): CertificateRecord | undefined {
  const id = /:cert\/([0-9a-f]{64})$/.exec(arn)?.[1];
  const cert = id ? state.certificates.get(id) : undefined;
  return cert?.certificateArn === arn ? cert : undefined;
}

export function registerWithoutCa(state: IotState, pem: string, status: CertificateStatus | undefined, where: Where, now: number) {
  const parsed = parseCertificatePem(pem);
  const existing = state.certificates.get(parsed.id);
  if (existing) {
    throw alreadyExists('The certificate is already provisioned or registered', existing.certificateId, existing.certificateArn);
  }
  const cert: CertificateRecord = {
    certificateId: parsed.id,
    certificateArn: certificateArn(where, parsed.id),
    status: status ?? DEFAULT_REGISTER_STATUS,
    certificatePem: pem,
    ownedBy: where.account,
    creationDate: now,
    lastModifiedDate: now,
    customerVersion: 1,
    generationId: randomUUID(),
    validity: { notBefore: parsed.notBefore.getTime() / 1000, notAfter: parsed.notAfter.getTime() / 1000 },
    certificateMode: 'SNI_ONLY', // the model: SNI_ONLY is "registered without a CA"
    seq: ++state.seq,
  };
  state.certificates.set(cert.certificateId, cert);
  return { certificateArn: cert.certificateArn, certificateId: cert.certificateId };
}

/** Every member that applies; caCertificateId and previousOwnedBy do not (no CA, no transfer). */
export function describeCertificate(state: IotState, certificateId: string) {
  const { seq: _seq, validity, ...description } = findCertificate(state, certificateId);
  return { ...description, validity: { ...validity }, transferData: {} };
}

export function updateCertificate(state: IotState, certificateId: string, newStatus: CertificateStatus, now: number): void {
  const cert = findCertificate(state, certificateId);
  if (INTERNAL_STATUSES.includes(newStatus)) throw invalidRequest(`The status cannot be set to ${newStatus}; it is set by AWS IoT only.`);
  if (cert.status === newStatus) return; // idempotent: nothing changes (AWSIOT-UPD-002)
  Object.assign(cert, {
    status: newStatus,
    lastModifiedDate: now,
    customerVersion: cert.customerVersion + 1,
    generationId: randomUUID(),
  });
}

/**
 * Preconditions in the order moto checks them (AWSIOT-DEL-007): status, then things (which
 * forceDelete does not lift), then policies. Everything is checked before anything changes.
 */
export function deleteCertificate(state: IotState, certificateId: string, forceDelete: boolean): void {
  const cert = findCertificate(state, certificateId);
  const arn = cert.certificateArn;
  if (cert.status === 'ACTIVE') {
    throw certificateState(`Certificate must be deactivated (not ACTIVE) before deletion. Id: ${cert.certificateId}`);
  }
  if (state.thingPrincipals.leftsOf(arn).length) throw deleteConflict(`Things must be detached before deletion (arn: ${arn})`);
  if (state.policyTargets.leftsOf(arn).length && !forceDelete) {
    throw deleteConflict(`Certificate policies must be detached before deletion (arn: ${arn})`);
  }
  state.policyTargets.deleteRight(arn);
  state.certificates.delete(cert.certificateId);
}

/** Ordered by creation date; without isAscendingOrder the newest come first (the flag is false). */
export function listCertificates(state: IotState, req: PageRequest) {
  const { page, next } = paginate([...state.certificates.values()], (c) => [c.creationDate, c.seq], req);
  const certificates = page.map(({ certificateArn, certificateId, status, certificateMode, creationDate }) => ({
    certificateArn,
    certificateId,
    status,
    certificateMode,
    creationDate,
  }));
  return next ? { certificates, nextMarker: next } : { certificates };
}
