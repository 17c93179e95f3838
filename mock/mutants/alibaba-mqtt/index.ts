import type { Mutant } from '../mutant.ts';
import { auth } from './auth.ts';
import { body } from './body.ts';
import { caDeleteCascade } from './ca-delete-cascade.ts';
import { caStatus } from './ca-status.ts';
import { deleteCaCertificate } from './delete-ca-certificate.ts';
import { deviceCertificates } from './device-certificates.ts';
import { enumeration } from './enum.ts';
import { errorBody } from './error-body.ts';
import { getCaCertificate } from './get-ca-certificate.ts';
import { length } from './length.ts';
import { listCaCertificate } from './list-ca-certificate.ts';
import { pattern } from './pattern.ts';
import { registerCaCertificate } from './register-ca-certificate.ts';
import { required } from './required.ts';
import { rpcDialect } from './rpc-dialect.ts';
import { status } from './status.ts';

/** The alibaba-mqtt mutants (one file per operation or constraint class, listed here). */
export const mutants: Mutant[] = [
  // by operation
  ...deleteCaCertificate,
  ...caDeleteCascade,
  ...deviceCertificates,
  ...registerCaCertificate,
  ...getCaCertificate,
  ...listCaCertificate,
  ...caStatus,
  ...auth,
  ...rpcDialect,
  // by constraint class
  ...length,
  ...pattern,
  ...enumeration,
  ...required,
  ...errorBody,
  ...status,
  ...body,
];
