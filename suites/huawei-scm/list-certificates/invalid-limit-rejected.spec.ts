import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';

// Page sizes are 10, 20 or 50 only; values on either side of each and far outside are refused.
// (The spec-derived boundary pass does not produce these: it breaks enums of strings only.)
const LIMITS = [0, 1, 9, 11, 15, 19, 21, 49, 51, 100, -10];

test('page sizes other than 10, 20 and 50 are refused', rules(['HWSCM-LST-001'], '@readonly'), async ({ api, check }) => {
  for (const limit of LIMITS) check.outcome('HWSCM-LST-001', await api.call('ListCertificates', { query: { limit } }, { label: `ListCertificates limit=${limit}` }));
});
