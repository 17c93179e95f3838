import { selfSigned } from '../../suites/support/certs/generate.ts';
import { huaweiImportBody } from '../../suites/support/certs/import-bodies.ts';
import type { ApiClient } from '../../suites/support/http/client.ts';
import { outcomeOf, shuffle, times } from './storm-record.ts';
import type { Storm } from './storm-serial.ts';

/** The model: which of our certificates exist (by index). */
type Held = number[];

/**
 * SCM as documented (HWSCM-DEL-001/003/004, SHOW rules): deleting an existing certificate is
 * 204, a missing one 400 or 404; showing a missing one is 400; listing changes nothing.
 */
function step(s: Held, op: string): { outcome: string; next: Held }[] {
  const [name, arg] = op.split(':');
  const i = Number(arg);
  const held = s.includes(i);
  if (name === 'delete') return held ? [{ outcome: '204', next: s.filter((x) => x !== i) }] : ['400', '404'].map((outcome) => ({ outcome, next: s }));
  if (name === 'show') return [{ outcome: held ? '200' : '400', next: s }];
  if (name === 'list') return [{ outcome: '200', next: s }];
  throw new Error(`unknown op ${op}`);
}

/** `k` certificates, `n` concurrent deletes and shows of each, and listings between them. */
export async function huaweiSharedStorm(api: ApiClient, n: number, k = 4): Promise<Storm<Held>> {
  const ids: string[] = [];
  for (let i = 0; i < k; i++) {
    const ex = await api.call('ImportCertificate', { body: huaweiImportBody(`storm-${i}`, await selfSigned({ subject: [{ CN: [`storm${i}.huawei.test`] }] })) });
    const id = (ex.body as { certificate_id?: string }).certificate_id;
    if (ex.status !== 200 || !id) throw new Error(`setup: ImportCertificate answered ${outcomeOf(ex)}`);
    ids.push(id);
  }
  const call = async (op: string, input: Parameters<ApiClient['call']>[1]) => outcomeOf(await api.call(op, input, { retry: false }));
  const per = Math.max(1, Math.floor(n / (3 * k)));
  const ops = shuffle([
    ...ids.flatMap((id, i) => times(2 * per, `delete:${i}`, () => call('DeleteCertificate', { path: { certificate_id: id } }))),
    ...ids.flatMap((id, i) => times(per, `show:${i}`, () => call('ShowCertificate', { path: { certificate_id: id } }))),
    ...times(per, 'list', () => call('ListCertificates', { query: { limit: 50 } })),
  ]).slice(0, n);
  const observe = async (): Promise<Held> => {
    const list = await api.call('ListCertificates', { query: { limit: 50 } });
    const listed = ((list.body as { certificates?: { id: string }[] }).certificates ?? []).map((c) => c.id);
    const shown: number[] = [];
    for (const [i, id] of ids.entries()) if ((await api.call('ShowCertificate', { path: { certificate_id: id } })).status === 200) shown.push(i);
    const inList = ids.flatMap((id, i) => (listed.includes(id) ? [i] : []));
    if (JSON.stringify(inList) !== JSON.stringify(shown) || listed.length !== shown.length) {
      throw new Error(`ShowCertificate finds [${shown}] of ours but ListCertificates lists ${listed.length}: [${inList}]`);
    }
    return shown;
  };
  return { initial: ids.map((_, i) => i), ops, step, key: (s) => JSON.stringify(s), observe };
}
