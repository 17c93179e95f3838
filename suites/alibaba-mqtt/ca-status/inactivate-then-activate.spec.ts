import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { cleanupCas, mustRegisterCa } from '../support/ca.ts';
import { instanceOf } from '../support/instance.ts';

test('inactivating and activating a CA echo its Sn and read back as Status "0" then "1"', rules(['ALIMQTT-STA-001', 'ALIMQTT-STA-002', 'ALIMQTT-STA-003']), async ({ api, check, ledger, info }) => {
  const ca = await mustRegisterCa(api, ledger, info.runId);
  const query = { MqttInstanceId: instanceOf(api.target), Sn: ca.sn };
  const status = async () => ((await api.call('GetCaCertificate', { query })).body as { Data?: { Status?: string } }).Data?.Status;
  try {
    for (const [op, rule, want] of [['InactivateCaCertificate', 'ALIMQTT-STA-001', '0'], ['ActiveCaCertificate', 'ALIMQTT-STA-002', '1']] as const) {
      const ex = await api.call(op, { query });
      check.outcome(rule, ex);
      const sn = (ex.body as { Sn?: string }).Sn;
      check.that(rule, sn === ca.sn, `Sn ${JSON.stringify(sn)}`, `Sn ${ca.sn}`);
      const got = await status();
      check.that('ALIMQTT-STA-003', got === want, `after ${op}: Status ${JSON.stringify(got)}`, `Status "${want}"`);
    }
  } finally {
    await cleanupCas(api, ledger, [ca.sn]);
  }
});
