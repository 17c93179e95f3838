import type { Outcome } from '../../../lib/rules/catalog.ts';
import type { Spec } from '../../../lib/spec/load.ts';
import { operation } from '../../../lib/spec/load.ts';
import type { NegativeCase } from '../../support/negative/cases.ts';

/**
 * Which rule judges a spec-derived invalid request: the catalog rule about that very parameter
 * where there is one, else HWSCM-SPEC-002.
 */
export function ruleFor(operationId: string, c: NegativeCase): string {
  if (operationId === 'DeleteCertificate' && c.name === 'certificate_id') return 'HWSCM-DEL-005';
  if (operationId === 'ListCertificates' && c.name === 'limit') return 'HWSCM-LST-001';
  if (operationId === 'ImportCertificate' && c.name === 'name' && ['minLength', 'maxLength', 'pattern'].includes(c.constraint)) return 'HWSCM-IMP-007';
  return 'HWSCM-SPEC-002';
}

/**
 * The answers SPEC-002 allows for bad input to one operation: its documented 4xx statuses
 * except 401/403 (authentication and permission say nothing about the input). For SCM that
 * is 400 (and 404, which DeleteCertificate's page lists).
 */
export function badInputOutcomes(spec: Spec, operationId: string): Outcome[] {
  return [...operation(spec, operationId).responses.keys()]
    .filter((s) => /^4\d\d$/.test(s) && s !== '401' && s !== '403')
    .map((s) => ({ status: Number(s) }));
}
