import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { unregisteredSn } from '../support/ca.ts';
import { instanceOf } from '../support/instance.ts';

// SPEC-001 (the contract check of every exchange) is tagged here so `--grep ALIMQTT-SPEC-001`
// selects a test that sends an error answer through it.
const RULES = ['ALIMQTT-DEL-004', 'ALIMQTT-FMT-002', 'ALIMQTT-FMT-005', 'ALIMQTT-SPEC-001'];

test('deleting a serial number that was never registered is FindCaBySnError', rules(RULES, '@readonly'), async ({ api, check }) => {
  const ex = await api.call('DeleteCaCertificate', { query: { MqttInstanceId: instanceOf(api.target), Sn: unregisteredSn() } });
  check.outcome('ALIMQTT-DEL-004', ex);
  check.outcome('ALIMQTT-FMT-002', ex);
  check.that('ALIMQTT-FMT-005', ex.status >= 400, `${ex.status} for an error`, 'an error is never sent with a 2xx status');
});
