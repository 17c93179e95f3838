import type { OpInput, ProviderModule } from '../../host/types.ts';
import type { CertRecord, ScmState } from '../../providers/huawei-scm/state.ts';
import { wrapHandler } from '../apply.ts';

export const idOf = (input: OpInput) => String(input.path.certificate_id);

/**
 * Remembers the records DeleteCertificate removed, per state (a control reset makes a new
 * state, so the memory goes with it): the raw material of a delete that does not quite forget.
 * Wrap DeleteCertificate again after calling this to act on what it remembers.
 */
export function rememberDeleted(m: ProviderModule<any>): (s: ScmState) => Map<string, CertRecord> {
  const gone = new WeakMap<ScmState, Map<string, CertRecord>>();
  const of = (s: ScmState) => gone.get(s) ?? gone.set(s, new Map()).get(s)!;
  wrapHandler<ScmState>(m, 'DeleteCertificate', (next) => async (input, s, ctx) => {
    const record = s.certificates.get(idOf(input));
    const reply = await next(input, s, ctx);
    if (reply.status < 300 && record) of(s).set(record.id, record);
    return reply;
  });
  return of;
}
