import type { GeneratedCert } from '../../support/certs/generate.ts';
import { huaweiImportBody } from '../../support/certs/import-bodies.ts';
import { domainCert } from './certs.ts';
import { certName } from './names.ts';
import type { ImportBody } from './scm.ts';

/** A valid ImportCertificate body for a fresh certificate, named for this run. */
export async function freshBody(runId: string, tag: string, cert?: GeneratedCert): Promise<ImportBody> {
  return huaweiImportBody(certName(runId, tag), cert ?? (await domainCert()));
}
