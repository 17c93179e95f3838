import { x5t } from '../../support/certs/fingerprint.ts';
import { asObj, attributesOf, recoveryLevelOf, softDeletes, type Obj } from './bundle.ts';

// What the deleted-bundle rules demand of one DeletedCertificateBundle, as pure predicates:
// the suite's tests and the recorded-traffic test (test/recordings.test.ts) judge with the same ones.

const has = (o: Obj, k: string) => o[k] !== undefined && o[k] !== null;
const DAY = 86_400;

/** AZKV-DEL-002 (MUST): the members the seed's sentence names that the bundle lacks. */
export function missingNamed(bundle: unknown, hadTags: boolean): string[] {
  const b = asObj(bundle);
  const purge = softDeletes(recoveryLevelOf(b)) ? ['scheduledPurgeDate'] : [];
  return ['id', 'attributes', ...(hadTags ? ['tags'] : []), ...purge].filter((k) => !has(b, k));
}

/**
 * AZKV-DEL-020 (SHOULD): the further members of the seed's sample response that the bundle lacks;
 * cer and x5t only when the certificate had an issued version (a cancelled creation has none).
 */
export function missingDetails(bundle: unknown, issued: boolean): string[] {
  const b = asObj(bundle);
  const dates = softDeletes(recoveryLevelOf(b)) ? ['recoveryId', 'deletedDate'] : [];
  return [...(issued ? ['cer', 'x5t'] : []), ...dates].filter((k) => !has(b, k));
}

/** AZKV-DEL-007 (MUST): a recoveryLevel is there; the set of levels is extensible, so any string. */
export const hasRecoveryLevel = (bundle: unknown) => {
  const level = attributesOf(bundle).recoveryLevel;
  return typeof level === 'string' && level.length > 0;
};

/** AZKV-DEL-008 / AZKV-IMP-020 (INFO): x5t is the base64url SHA-1 of the DER in cer. */
export function x5tOfCer(bundle: unknown): { ok: boolean; expected: string } {
  const b = asObj(bundle);
  const der = typeof b.cer === 'string' ? new Uint8Array(Buffer.from(b.cer, 'base64')) : new Uint8Array();
  const expected = der.length ? x5t(der) : '(no cer)';
  return { ok: der.length > 0 && b.x5t === expected, expected };
}

/**
 * AZKV-DEL-006 (SHOULD): the retention interval for the bundle's recovery level, or why it is
 * wrong: 7..90 days; exactly 90 at the four 7.0 levels, under 90 at a CustomizedRecoverable* one.
 */
export function retentionProblem(bundle: unknown): string | undefined {
  const b = asObj(bundle);
  const span = Number(b.scheduledPurgeDate) - Number(b.deletedDate);
  const level = recoveryLevelOf(b) ?? '';
  const days = `${span} s (${(span / DAY).toFixed(2)} days)`;
  if (!(span >= 7 * DAY && span <= 90 * DAY)) return `${days}: documented 7 to 90 days`;
  const customized = level.startsWith('CustomizedRecoverable');
  if (customized && span === 90 * DAY) return `${days} at ${level}: a customized retention is under 90 days`;
  if (!customized && span !== 90 * DAY) return `${days} at ${level}: the default retention is 90 days (7776000 s)`;
  const days0 = attributesOf(b).recoverableDays; // later api-versions state it: then it must match
  if (Number.isInteger(days0) && span !== Number(days0) * DAY) return `${days}, recoverableDays ${String(days0)}`;
  return undefined;
}
