import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';

test('deleting on an instance id that does not exist is MqttInstanceNotFound', rules(['ALIMQTT-DEL-010'], '@readonly'), async ({ api, check, info }) => {
  const ex = await api.call('DeleteCaCertificate', { query: { MqttInstanceId: `post-cn-cc${info.runId}nosuch`, Sn: 'abcdef0123' } });
  check.outcome('ALIMQTT-DEL-010', ex);
});
