import type { Mutant } from '../mutant.ts';
import { attachments } from './attachments.ts';
import { auth } from './auth.ts';
import { constraints } from './constraints.ts';
import { deleteCertificate } from './delete-certificate.ts';
import { deletedVisible } from './deleted-visible.ts';
import { listing } from './listing.ts';
import { registerCertificate } from './register-certificate.ts';
import { updateCertificate } from './update-certificate.ts';
import { wireFormat } from './wire-format.ts';

/** The aws-iot mutants (one file per operation or constraint class, listed here). */
export const mutants: Mutant[] = [
  ...deleteCertificate,
  ...deletedVisible,
  ...registerCertificate,
  ...updateCertificate,
  ...attachments,
  ...listing,
  ...auth,
  ...wireFormat,
  ...constraints,
];
