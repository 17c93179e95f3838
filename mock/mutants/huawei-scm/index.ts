import type { Mutant } from '../mutant.ts';
import { auth } from './auth.ts';
import { constraints } from './constraints.ts';
import { deleteCertificate } from './delete-certificate.ts';
import { importCertificate } from './import-certificate.ts';
import { listings } from './listings.ts';
import { privateKey } from './private-key.ts';
import { wire } from './wire.ts';

/** The huawei-scm mutants (one file per operation or constraint class, listed here). */
export const mutants: Mutant[] = [...deleteCertificate, ...importCertificate, ...privateKey, ...listings, ...auth, ...constraints, ...wire];
