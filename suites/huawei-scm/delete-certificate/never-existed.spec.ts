import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';

test('deleting a well-formed id that never existed is an error', rules(['HWSCM-DEL-006'], '@readonly'), async ({ api, check }) => {
  const ex = await api.call('DeleteCertificate', { path: { certificate_id: 'scs0000000000999' } });
  check.outcome('HWSCM-DEL-006', ex);
});
