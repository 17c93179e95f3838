import type { ApiClient } from '../../support/http/client.ts';
import type { Exchange } from '../../support/http/exchange.ts';
import { selfSigned, type CertOptions, type GeneratedCert } from '../../support/certs/generate.ts';
import { azureImportBody } from '../../support/certs/import-bodies.ts';
import type { Ledger } from '../../support/ledger.ts';
import type { RunInfo } from '../../support/run-info.ts';
import { removeCertificate } from '../cleanup.ts';
import { certName } from './names.ts';

/**
 * What one test (or one model sequence) created in the vault: imports go through here so
 * that every name is in the ledger and is deleted and purged afterwards, failed test or not.
 */
export class Vault {
  readonly names = new Set<string>();
  /** Names whose deletion may still be processing (cleanup waits for them). */
  readonly pending = new Set<string>();

  constructor(
    readonly api: ApiClient,
    readonly ledger: Ledger,
    readonly info: RunInfo,
  ) {}

  newName(what: string): string {
    return certName(this.info.runId, what);
  }

  /** Imports a fresh self-signed certificate with its key (PEM form) under `name`. */
  async import(name: string, o: { tags?: Record<string, string>; cert?: GeneratedCert; certOptions?: CertOptions; label?: string } = {}): Promise<{ ex: Exchange; cert: GeneratedCert }> {
    const cert = o.cert ?? (await selfSigned({ ca: false, ...o.certOptions }));
    this.track(name);
    const ex = await this.api.call('ImportCertificate', { path: { 'certificate-name': name }, body: azureImportBody(cert, [], o.tags) }, { label: o.label });
    return { ex, cert };
  }

  /** Records a name that a request may have created (ledger first: a crash must not lose it). */
  track(name: string): void {
    if (this.names.has(name)) return;
    this.names.add(name);
    this.ledger.created('azure-keyvault', 'certificate', name);
  }

  async cleanupAll(): Promise<string[]> {
    const problems: string[] = [];
    for (const name of this.names) {
      const r = await removeCertificate(this.api, name, this.pending.has(name)).catch((e: Error) => e.message);
      if (r === 'deleted' || r === 'gone') this.ledger.deleted('azure-keyvault', 'certificate', name);
      else problems.push(r);
    }
    this.names.clear();
    return problems;
  }
}
