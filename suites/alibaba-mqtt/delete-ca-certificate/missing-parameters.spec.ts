import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { instanceOf } from '../support/instance.ts';

test('a delete without MqttInstanceId or without Sn is ParameterFieldCheckFailed', rules(['ALIMQTT-DEL-009'], '@readonly'), async ({ api, check }) => {
  check.outcome('ALIMQTT-DEL-009', await api.call('DeleteCaCertificate', { query: { Sn: 'abcdef0123' } }, { label: 'without MqttInstanceId' }));
  check.outcome('ALIMQTT-DEL-009', await api.call('DeleteCaCertificate', { query: { MqttInstanceId: instanceOf(api.target) } }, { label: 'without Sn' }));
});
