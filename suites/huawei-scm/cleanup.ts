import type { ApiClient } from '../support/http/client.ts';
import type { LedgerEntry } from '../support/ledger.ts';

/**
 * Deletes one certificate a (crashed) run left behind. SCM deletion is final (no recycle bin
 * to purge): 204 is 'deleted'; an error for the id whose ShowCertificate is an error too means
 * someone else already deleted it ('gone'); anything else is described for the operator.
 */
export async function cleanup(api: ApiClient, entry: LedgerEntry): Promise<'deleted' | 'gone' | string> {
  if (entry.kind !== 'certificate') return `huawei-scm: unknown kind '${entry.kind}' for ${entry.id}`;
  const opts = { label: `cleanup ${entry.id}`, contract: false };
  const del = await api.call('DeleteCertificate', { path: { certificate_id: entry.id } }, opts);
  if (del.status === 204) return 'deleted';
  if (del.status === 400 || del.status === 404) {
    const show = await api.call('ShowCertificate', { path: { certificate_id: entry.id } }, opts);
    if (show.status === 400 || show.status === 404) return 'gone';
    return `huawei-scm: DeleteCertificate(${entry.id}) answered ${del.status} ${del.code ?? ''} but ShowCertificate still answers ${show.status}`.trim();
  }
  return `huawei-scm: DeleteCertificate(${entry.id}) answered ${del.status}${del.code ? ` ${del.code}` : ''}`;
}
