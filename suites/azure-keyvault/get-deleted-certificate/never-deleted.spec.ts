import { rules } from '../../support/rules.ts';
import { certName } from '../support/names.ts';
import { getDeleted } from '../support/ops.ts';
import { test } from '../support/test.ts';

test('the deleted store does not know a name that never existed', rules(['AZKV-GET-004'], '@readonly'), async ({ api, check, info }) => {
  check.outcome('AZKV-GET-004', await getDeleted(api, certName(info.runId, 'never')));
});
