import type { Mutant } from '../mutant.ts';
import { auth } from './auth.ts';
import { constraints } from './constraints.ts';
import { deleteCertificate } from './delete-certificate.ts';
import { deletedBundleFields } from './deleted-bundle.ts';
import { deletionWindow } from './deletion-window.ts';
import { getCertificate } from './get-certificate.ts';
import { importCertificate } from './import-certificate.ts';
import { listings } from './listings.ts';
import { purge } from './purge.ts';
import { purgedName } from './purged-name.ts';
import { recover } from './recover.ts';
import { systemPurge } from './system-purge.ts';
import { versionsAndPolicy } from './versions-and-policy.ts';
import { wire } from './wire.ts';

/**
 * The azure-keyvault mutants (one file per operation or constraint class, listed here).
 * AZKV-FMT-002 (a percent-encoded `api%2Dversion` query name) has none: the host hands the
 * provider module only the decoded query, so no mutant can tell the two spellings apart.
 */
export const mutants: Mutant[] = [
  ...deleteCertificate,
  ...deletedBundleFields,
  ...getCertificate,
  ...listings,
  ...importCertificate,
  ...recover,
  ...purge,
  ...purgedName,
  ...systemPurge,
  ...deletionWindow,
  ...versionsAndPolicy,
  ...auth,
  ...constraints,
  ...wire,
];
