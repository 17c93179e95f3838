import type { GeneratedCert } from '../../support/certs/generate.ts';
import { huaweiImportBody } from '../../support/certs/import-bodies.ts';
import { domainCert } from './certs.ts';
import { certName } from './names.ts';
import type { Checker } from '../../support/checks/checker.ts';
import type { ImportBody, Scm } from './scm.ts';

/** A valid ImportCertificate body for a fresh certificate, named for this run. */
export async function freshBody(runId: string, tag: string, cert?: GeneratedCert): Promise<ImportBody> {
  return huaweiImportBody(certName(runId, tag), cert ?? (await domainCert()));
}

/**
 * Imports a fresh certificate a test needs as its subject. Its answer is held to HWSCM-IMP-001
 * like any other import, so a target that cannot import fails there, not with a confusing
 * error further on.
 */
export async function importFresh(scm: Scm, check: Checker, runId: string, tag: string): Promise<string> {
  const { ex, id } = await scm.import(await freshBody(runId, tag));
  check.outcome('HWSCM-IMP-001', ex);
  check.that('HWSCM-IMP-001', id !== undefined, `200 without a certificate_id: ${ex.text.slice(0, 120)}`, '200 {certificate_id}');
  return id!;
}
