import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { neverExistedId } from '../support/names.ts';

// A well-formed id (16 characters) that no implementation hands out: an error, never a 204.
test('deleting a well-formed id that never existed is an error', rules(['HWSCM-DEL-006'], '@readonly'), async ({ api, check }) => {
  const ex = await api.call('DeleteCertificate', { path: { certificate_id: neverExistedId(1) } });
  check.outcome('HWSCM-DEL-006', ex);
});
