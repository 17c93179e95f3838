import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { instanceOf } from '../support/instance.ts';

test('deleting a serial number that was never registered is FindCaBySnError', rules(['ALIMQTT-DEL-004', 'ALIMQTT-FMT-002', 'ALIMQTT-FMT-005'], '@readonly'), async ({ api, check, info }) => {
  const sn = `ccnever${info.runId}${Date.now().toString(16)}`;
  const ex = await api.call('DeleteCaCertificate', { query: { MqttInstanceId: instanceOf(api.target), Sn: sn } });
  check.outcome('ALIMQTT-DEL-004', ex);
  check.outcome('ALIMQTT-FMT-002', ex);
  check.that('ALIMQTT-FMT-005', ex.status >= 400, `${ex.status} for an error`, 'an error is never sent with a 2xx status');
});
