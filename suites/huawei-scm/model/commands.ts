import type fc from 'fast-check';
import { deleteCertificateArb } from './delete-certificate.ts';
import { importCertificateArb } from './import-certificate.ts';
import { listCertificatesArb } from './list-certificates.ts';
import type { ScmModel } from './model.ts';
import type { ScmReal } from './real.ts';
import { reimportCertificateArb } from './reimport-certificate.ts';
import { showCertificateArb } from './show-certificate.ts';

/** The operations a sequence is made of (fc.commands is built by runModel). */
export const commands: fc.Arbitrary<fc.AsyncCommand<ScmModel, ScmReal>>[] = [
  importCertificateArb,
  reimportCertificateArb,
  showCertificateArb,
  deleteCertificateArb,
  listCertificatesArb,
];
