import { rules } from '../../support/rules.ts';
import { certName } from '../support/names.ts';
import { getCert } from '../support/ops.ts';
import { test } from '../support/test.ts';

test('getting a name that never existed answers 404 CertificateNotFound', rules(['AZKV-GET-002'], '@readonly'), async ({ api, check, info }) => {
  check.outcome('AZKV-GET-002', await getCert(api, certName(info.runId, 'never')));
});
