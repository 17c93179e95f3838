import type { Mutant } from '../mutant.ts';
import { deleteCertificate } from './delete-certificate.ts';

/** The aws-iot mutants (one file per operation or constraint class, listed here). */
export const mutants: Mutant[] = [...deleteCertificate];
