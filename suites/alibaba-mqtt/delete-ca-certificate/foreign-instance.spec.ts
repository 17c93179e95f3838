import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { cleanupCas, mustRegisterCa } from '../support/ca.ts';
import { foreignInstanceOf, instanceOf } from '../support/instance.ts';

test('deleting on an instance the caller does not own is refused and deletes nothing', rules(['ALIMQTT-AUTH-001', 'ALIMQTT-AUTH-007']), async ({ api, check, ledger, info, target }) => {
  const foreign = foreignInstanceOf(target);
  if (!foreign) {
    const why = 'no foreign instance known (set ALIBABA_MQTT_FOREIGN_INSTANCE_ID to an instance that exists and is not the caller\'s)';
    return ['ALIMQTT-AUTH-001', 'ALIMQTT-AUTH-007'].forEach((id) => check.notRun(id, why));
  }
  const ca = await mustRegisterCa(api, ledger, info.runId);
  try {
    const ex = await api.call('DeleteCaCertificate', { query: { MqttInstanceId: foreign, Sn: ca.sn } });
    check.outcome('ALIMQTT-AUTH-001', ex);
    const get = await api.call('GetCaCertificate', { query: { MqttInstanceId: instanceOf(target), Sn: ca.sn } }, { label: 'still registered?' });
    check.that('ALIMQTT-AUTH-001', get.status === 200, `GetCaCertificate ${get.status} ${get.code ?? ''}`, 'the CA still registered on the own instance');
    check.outcome('ALIMQTT-AUTH-007', ex);
  } finally {
    await cleanupCas(api, ledger, [ca.sn]);
  }
});
