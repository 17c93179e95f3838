import type { Outcome } from '../../../lib/rules/catalog.ts';
import { rule } from '../../support/rules.ts';
import { statusUnder, type DuplicateReading } from '../support/duplicate-check.ts';
import { neverExistedId } from '../support/names.ts';

/**
 * The suite's reading of SCM certificates (DeleteCertificate page + reference §4): an imported
 * certificate is held (status UPLOAD) until deleted; deletion is final (no recycle bin, no
 * recover), so a deleted id is an error for Show and Delete and is never listed again.
 * duplicate_check compares certificate content among the certificates still held; which value
 * refuses a twin is documented both ways, so the model learns the target's reading from its
 * first answer and holds it to that reading from then on.
 */
export interface HeldCert {
  id: string;
  name: string;
  /** SHA-256 of the certificate's DER: "identical certificate" for duplicate_check. */
  fingerprint: string;
  certificate: string;
  privateKey: string;
}

export interface ScmModel {
  live: Map<string, HeldCert>;
  deleted: Map<string, HeldCert>;
  /** The duplicate_check reading the target showed in this sequence (support/duplicate-check.ts). */
  duplicateReading?: DuplicateReading;
}

export const emptyModel = (): ScmModel => ({ live: new Map(), deleted: new Map() });

/** What the model predicts for one request: the rule that judges it and the answers it allows. */
export interface Expectation {
  rule: string;
  outcomes: Outcome[];
}

const per = (ruleId: string): Expectation => ({ rule: ruleId, outcomes: rule(ruleId).outcomes });

export const isHeldContent = (m: ScmModel, fingerprint: string) => [...m.live.values()].some((c) => c.fingerprint === fingerprint);

/** ImportCertificate of a valid certificate + key; a twin's answer per the reading seen so far. */
export function expectImport(m: ScmModel, fingerprint: string, duplicateCheck?: boolean): Expectation {
  if (!isHeldContent(m, fingerprint)) return per('HWSCM-IMP-001');
  if (duplicateCheck !== undefined) {
    const ruleId = duplicateCheck ? 'HWSCM-IMP-006' : 'HWSCM-IMP-009';
    const reading = m.duplicateReading;
    return reading ? { rule: ruleId, outcomes: [{ status: statusUnder(reading, duplicateCheck) }] } : per(ruleId);
  }
  // Unset and identical: the sources give no default, so either answer IMP-006 lists.
  return { rule: 'HWSCM-IMP-001', outcomes: rule('HWSCM-IMP-006').outcomes };
}

export function expectShow(m: ScmModel, id: string): Expectation {
  if (m.live.has(id)) return per('HWSCM-IMP-002');
  return per(m.deleted.has(id) ? 'HWSCM-DEL-003' : 'HWSCM-SHOW-001');
}

export function expectDelete(m: ScmModel, id: string): Expectation {
  if (m.live.has(id)) return per('HWSCM-DEL-001');
  return per(m.deleted.has(id) ? 'HWSCM-DEL-004' : 'HWSCM-DEL-006');
}

export function applyImport(m: ScmModel, cert: HeldCert): void {
  m.deleted.delete(cert.id); // an id handed out again is held again
  m.live.set(cert.id, cert);
}

export function applyDelete(m: ScmModel, id: string): void {
  const held = m.live.get(id);
  if (!held) return;
  m.live.delete(id);
  m.deleted.set(id, held);
}

/** Which certificate a generated command is about, resolved against the model at run time. */
export type TargetKind = 'live' | 'deleted' | 'never';

export const hasTarget = (m: ScmModel, kind: TargetKind) => kind === 'never' || (kind === 'live' ? m.live.size > 0 : m.deleted.size > 0);

export function resolveTarget(m: ScmModel, kind: TargetKind, n: number): string {
  if (kind === 'never') return neverExistedId(n);
  const ids = [...(kind === 'live' ? m.live : m.deleted).keys()];
  if (!ids.length) throw new Error(`no ${kind} certificate in the model (check() should have said so)`);
  return ids[n % ids.length]!;
}

export const shortId = (id: string) => `${id.slice(0, 6)}..`;
