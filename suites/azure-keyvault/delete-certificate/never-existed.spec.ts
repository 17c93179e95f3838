import { rules } from '../../support/rules.ts';
import { certName } from '../support/names.ts';
import { deleteCert } from '../support/ops.ts';
import { test } from '../support/test.ts';

test('deleting a name that never existed answers 404 CertificateNotFound', rules(['AZKV-DEL-010'], '@readonly'), async ({ api, check, info }) => {
  check.outcome('AZKV-DEL-010', await deleteCert(api, certName(info.runId, 'never')));
});
