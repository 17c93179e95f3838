import { rule } from '../../support/rules.ts';

/**
 * duplicate_check has two documented readings (rules HWSCM-IMP-006/009): the SDK docstring
 * ("true = do NOT allow uploading an identical cert, false = allow") and the ImportCertificate
 * page ("true: The same certificate can be uploaded. false: disagree"). A target may follow
 * either; one that answers true and false alike for identical content follows neither.
 */
export type DuplicateReading = 'sdk' | 'page';

/** Which value of duplicate_check refuses an identical certificate, per reading. */
const REFUSED_BY: Record<DuplicateReading, boolean> = { sdk: true, page: false };
export const READING_LABEL: Record<DuplicateReading, string> = {
  sdk: 'SDK docstring: true refuses, false accepts',
  page: 'ImportCertificate page: true accepts, false refuses',
};

/** Accepted is a plain import's status (IMP-001); refused is the other outcome IMP-006 lists. */
const accepted = () => rule('HWSCM-IMP-001').outcomes[0]!.status;
const refused = () => rule('HWSCM-IMP-006').outcomes.find((o) => o.status !== accepted())!.status;

/** The status an import of content already held gets under one reading. */
export const statusUnder = (reading: DuplicateReading, duplicateCheck: boolean): number =>
  duplicateCheck === REFUSED_BY[reading] ? refused() : accepted();

/** The reading one answer to an import of held content shows, if any. */
export const readingOf = (duplicateCheck: boolean, status: number): DuplicateReading | undefined =>
  (['sdk', 'page'] as const).find((r) => statusUnder(r, duplicateCheck) === status);

/** The reading the answers to true and to false show together, if they agree on one. */
export function pairReading(withTrue: number, withFalse: number): DuplicateReading | undefined {
  const r = readingOf(true, withTrue);
  return r !== undefined && readingOf(false, withFalse) === r ? r : undefined;
}

/** Both readings as the documented outcomes of the pair, for a failure message. */
export const documentedPairs = () =>
  (['sdk', 'page'] as const).map((r) => `true -> ${statusUnder(r, true)}, false -> ${statusUnder(r, false)} (${READING_LABEL[r]})`).join(' | ');
