import { selfSigned } from '../../suites/support/certs/generate.ts';
import { azureImportBody } from '../../suites/support/certs/import-bodies.ts';
import type { ApiClient } from '../../suites/support/http/client.ts';
import { outcomeOf, shuffle, times } from './storm-record.ts';
import type { Storm } from './storm-serial.ts';

/** The model: where one name is, live, in the deleted store, or nowhere. */
type Where = 'live' | 'deleted' | 'absent';

const NOT_FOUND = '404 CertificateNotFound';

/**
 * Key Vault soft delete as documented (AZKV delete/recover/purge/import rules, reference §2.3):
 * delete moves live -> deleted, recover moves back, purge removes a deleted one (204), import
 * over a deleted name is 409 Conflict; anything asked of a name not where the operation looks
 * is 404 CertificateNotFound. (The deleted store is immediately consistent here.)
 */
function step(s: Where, op: string): { outcome: string; next: Where }[] {
  const stay = (outcome: string) => [{ outcome, next: s }];
  switch (op) {
    case 'delete':
      return s === 'live' ? [{ outcome: '200', next: 'deleted' }] : stay(NOT_FOUND);
    case 'recover':
      return s === 'deleted' ? [{ outcome: '200', next: 'live' }] : stay(NOT_FOUND);
    case 'purge':
      return s === 'deleted' ? [{ outcome: '204', next: 'absent' }] : stay(NOT_FOUND);
    case 'import':
      return s === 'deleted' ? stay('409 Conflict') : [{ outcome: '200', next: 'live' }];
    case 'get':
      return stay(s === 'live' ? '200' : NOT_FOUND);
    default:
      throw new Error(`unknown op ${op}`);
  }
}

/** One name, `n` concurrent deletes, recovers, purges, imports and gets. */
export async function azureSharedStorm(api: ApiClient, n: number): Promise<Storm<Where>> {
  const name = `storm-${Date.now().toString(36)}`;
  const body = azureImportBody(await selfSigned({ subject: [{ CN: ['storm.azure.test'] }] }));
  const path = { 'certificate-name': name };
  const first = await api.call('ImportCertificate', { path, body });
  if (first.status !== 200) throw new Error(`setup: ImportCertificate answered ${outcomeOf(first)}`);
  const call = async (op: string, input: Parameters<ApiClient['call']>[1]) => outcomeOf(await api.call(op, input, { retry: false }));
  const per = Math.max(1, Math.floor(n / 10));
  const ops = shuffle([
    ...times(3 * per, 'delete', () => call('DeleteCertificate', { path })),
    ...times(2 * per, 'recover', () => call('RecoverDeletedCertificate', { path })),
    ...times(2 * per, 'purge', () => call('PurgeDeletedCertificate', { path })),
    ...times(2 * per, 'import', () => call('ImportCertificate', { path, body })),
    ...times(per, 'get', () => call('GetCertificate', { path })),
  ]).slice(0, n);
  const observe = async (): Promise<Where> => {
    const live = (await api.call('GetCertificate', { path })).status === 200;
    const deleted = (await api.call('GetDeletedCertificate', { path })).status === 200;
    if (live && deleted) throw new Error(`${name} is both live and in the deleted store`);
    return live ? 'live' : deleted ? 'deleted' : 'absent';
  };
  return { initial: 'live', ops, step, key: (s) => s, observe };
}
