import { rules } from '../../support/rules.ts';
import { awaitLeftDeleted, beingDeleted, getCert, purgeCert, purgeWhenProcessed, recoverCert } from '../support/ops.ts';
import { softDeleted } from '../support/soft-deleted.ts';
import { test } from '../support/test.ts';

test(
  'purging a deleted certificate answers 204 and removes it for good',
  rules(['AZKV-PUR-001', 'AZKV-PUR-002', 'AZKV-PUR-003']),
  async ({ api, check, vault }) => {
    const s = await softDeleted(vault, check, 'purge', ['AZKV-PUR-001', 'AZKV-PUR-002', 'AZKV-PUR-003']);
    if (!s) return;
    const first = await purgeCert(api, s.name);
    check.outcome('AZKV-PUR-001', first);
    const purge = beingDeleted(first) ? await purgeWhenProcessed(api, s.name, { label: 'PurgeDeletedCertificate, retried on 409' }) : first;
    check.outcome('AZKV-PUR-001', purge, [{ status: 204 }]);
    check.that('AZKV-PUR-001', purge.text === '', `a body of ${purge.text.length} characters`, 'no body');
    vault.pending.delete(s.name);
    check.outcome('AZKV-PUR-002', await awaitLeftDeleted(api, s.name));
    check.outcome('AZKV-PUR-003', await recoverCert(api, s.name, { label: 'RecoverDeletedCertificate after purge' }));
    const live = await getCert(api, s.name, { label: 'GetCertificate after purge' });
    check.that('AZKV-PUR-003', live.status === 404, `GetCertificate ${live.status}`, '404: nothing was recovered');
  },
);
