import type { Mutant } from '../mutant.ts';

/** The azure-keyvault mutants (one file per operation or constraint class, listed here). */
export const mutants: Mutant[] = [];
