import type { Mutant } from '../mutant.ts';

/** The alibaba-mqtt mutants (one file per operation or constraint class, listed here). */
export const mutants: Mutant[] = [];
