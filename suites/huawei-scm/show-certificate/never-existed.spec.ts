import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { neverExistedId } from '../support/names.ts';

// ShowCertificate of a well-formed id nobody was given: an error (400), not an empty 200.
test('showing a well-formed id that never existed is an error', rules(['HWSCM-SHOW-001'], '@readonly'), async ({ api, check }) => {
  check.outcome('HWSCM-SHOW-001', await api.call('ShowCertificate', { path: { certificate_id: neverExistedId(2) } }));
});
