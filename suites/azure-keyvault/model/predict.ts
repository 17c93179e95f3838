import type { Outcome } from '../../../lib/rules/catalog.ts';
import { stateOf, type KvModel } from './model.ts';

/** What the model expects of one request: the rule that judges it and the acceptable answers. */
export interface Prediction {
  rule: string;
  /** A subset the model narrowed down; absent: every outcome the catalog lists for the rule. */
  outcomes?: Outcome[];
}

const ok = (rule: string, status = 200): Prediction => ({ rule, outcomes: [{ status }] });
const notFound = (rule: string, code: string | undefined = 'CertificateNotFound'): Prediction => ({ rule, outcomes: [{ status: 404, ...(code ? { code } : {}) }] });

export function predictImport(m: KvModel, name: string): Prediction {
  switch (stateOf(m, name)) {
    case 'deleted':
      return { rule: 'AZKV-IMP-002', outcomes: [{ status: 409, code: 'Conflict' }] };
    case 'purged':
      // The name is free once the purge is processed; a real vault may still say 409 briefly.
      return { rule: 'AZKV-PUR-004', outcomes: [{ status: 200 }, { status: 409, code: 'Conflict' }] };
    default:
      return ok('AZKV-IMP-001');
  }
}

export function predictDelete(m: KvModel, name: string): Prediction {
  const s = stateOf(m, name);
  if (s === 'live') return ok('AZKV-DEL-001');
  return notFound(s === 'absent' ? 'AZKV-DEL-010' : 'AZKV-DEL-011');
}

export function predictGet(m: KvModel, name: string): Prediction {
  const s = stateOf(m, name);
  if (s === 'live') return ok(m.certs.get(name)!.recovered ? 'AZKV-REC-002' : 'AZKV-IMP-001');
  return notFound(s === 'absent' ? 'AZKV-GET-002' : 'AZKV-GET-001');
}

export function predictGetDeleted(m: KvModel, name: string): Prediction {
  const s = stateOf(m, name);
  if (s === 'deleted') return ok('AZKV-GET-003');
  if (s === 'purged' && m.softDelete !== false) return notFound('AZKV-PUR-002');
  if (s === 'live' && m.certs.get(name)!.recovered) return notFound('AZKV-REC-003');
  return notFound('AZKV-GET-004');
}

/** Recover applies to names that went through delete (others have no rule to judge them). */
export function predictRecover(m: KvModel, name: string): Prediction {
  return stateOf(m, name) === 'deleted' ? ok('AZKV-REC-001') : { rule: 'AZKV-PUR-003', outcomes: [{ status: 404 }] };
}

/** A deleted name: 204, or 409 Conflict while the deletion is still processed (then retried). */
export function predictPurge(m: KvModel, name: string): Prediction {
  // Nothing to purge: the catalog's 404 or 409, whichever the vault says (not only 404).
  if (stateOf(m, name) !== 'deleted') return { rule: 'AZKV-PUR-005' };
  return { rule: 'AZKV-PUR-001', outcomes: [{ status: 204 }, { status: 409, code: 'Conflict' }] };
}
