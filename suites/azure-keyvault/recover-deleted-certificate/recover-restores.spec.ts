import { rules } from '../../support/rules.ts';
import { asObj } from '../support/bundle.ts';
import { awaitLeftDeleted, awaitLive, recoverCert } from '../support/ops.ts';
import { softDeleted } from '../support/soft-deleted.ts';
import { test } from '../support/test.ts';

test(
  'recovering a deleted certificate brings it back live and takes it out of the deleted store',
  rules(['AZKV-REC-001', 'AZKV-REC-002', 'AZKV-REC-003']),
  async ({ api, check, vault }) => {
    const s = await softDeleted(vault, check, 'recover', ['AZKV-REC-001', 'AZKV-REC-002', 'AZKV-REC-003']);
    if (!s) return;
    const rec = await recoverCert(api, s.name);
    check.outcome('AZKV-REC-001', rec);
    vault.pending.delete(s.name);
    const [r, d] = [asObj(rec.body), asObj(s.deleted.body)];
    for (const k of ['id', 'cer', 'x5t'] as const) check.that('AZKV-REC-001', r[k] === d[k], `${k} ${JSON.stringify(r[k])}`, `the deleted bundle's ${k}: ${JSON.stringify(d[k])}`);

    const live = await awaitLive(api, s.name);
    check.outcome('AZKV-REC-002', live);
    const l = asObj(live.body);
    check.that('AZKV-REC-002', l.id === d.id && l.x5t === d.x5t, `GetCertificate id ${JSON.stringify(l.id)}, x5t ${JSON.stringify(l.x5t)}`, `the recovered bundle: id ${JSON.stringify(d.id)}, x5t ${JSON.stringify(d.x5t)}`);
    check.outcome('AZKV-REC-003', await awaitLeftDeleted(api, s.name));
  },
);
