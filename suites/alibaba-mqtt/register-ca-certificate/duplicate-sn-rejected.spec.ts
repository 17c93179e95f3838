import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { cleanupCas, mustRegisterCa, registerCa } from '../support/ca.ts';

test('registering a CA whose serial number is already registered is SnNotUnique', rules(['ALIMQTT-REG-004']), async ({ api, check, ledger, info }) => {
  const first = await mustRegisterCa(api, ledger, info.runId);
  const created = [first.sn];
  try {
    // The same CA again, with a fresh verification certificate: only the serial is repeated.
    const { ex, ca } = await registerCa(api, ledger, info.runId, first.cert);
    if (ca && ca.sn !== first.sn) created.push(ca.sn);
    check.outcome('ALIMQTT-REG-004', ex);
  } finally {
    await cleanupCas(api, ledger, created);
  }
});
