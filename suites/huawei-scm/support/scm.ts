import type { Exchange } from '../../support/http/exchange.ts';
import type { ApiClient, CallOptions } from '../../support/http/client.ts';
import type { Ledger } from '../../support/ledger.ts';

export const PROVIDER = 'huawei-scm';
export const KIND = 'certificate';

/** The ImportCertificate body members the suite sends. */
export interface ImportBody {
  name: string;
  certificate: string;
  private_key: string;
  certificate_chain?: string;
  duplicate_check?: boolean;
  [member: string]: unknown;
}

/** certificate_id of a 200 ImportCertificate answer, if it has one. */
export function importedId(ex: Exchange): string | undefined {
  const id = (ex.body as { certificate_id?: unknown } | undefined)?.certificate_id;
  return ex.status === 200 && typeof id === 'string' ? id : undefined;
}

/**
 * The operations with the bookkeeping a real account needs: every certificate an answer says
 * was created goes into the ledger at once (whatever the test expected), every 204 delete
 * comes out of it, and `cleanup()` deletes what is still held.
 */
export class Scm {
  readonly held = new Set<string>();

  constructor(
    readonly api: ApiClient,
    private readonly ledger: Ledger,
  ) {}

  async import(body: ImportBody, opts?: CallOptions): Promise<{ ex: Exchange; id?: string }> {
    const ex = await this.api.call('ImportCertificate', { body }, opts);
    const id = importedId(ex);
    if (id) {
      this.ledger.created(PROVIDER, KIND, id, { name: body.name });
      this.held.add(id);
    }
    return { ex, id };
  }

  async delete(id: string, opts?: CallOptions & { headers?: Record<string, string> }): Promise<Exchange> {
    const ex = await this.api.call('DeleteCertificate', { path: { certificate_id: id }, headers: opts?.headers }, opts);
    if (ex.status === 204 && this.held.delete(id)) this.ledger.deleted(PROVIDER, KIND, id);
    return ex;
  }

  show(id: string, opts?: CallOptions): Promise<Exchange> {
    return this.api.call('ShowCertificate', { path: { certificate_id: id } }, opts);
  }

  /** Deletes everything still held (teardown, failed or not); contract checks are off here. */
  async cleanup(): Promise<void> {
    for (const id of [...this.held]) await this.delete(id, { label: 'cleanup', contract: false }).catch(() => undefined);
  }
}
