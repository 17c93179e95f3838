import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { cleanupCas, mustRegisterCa } from '../support/ca.ts';
import { instanceOf } from '../support/instance.ts';
import { asV3, wrongV1Signature } from '../support/resign.ts';

const SIGNATURE_RULES = ['ALIMQTT-AUTH-002', 'ALIMQTT-AUTH-003', 'ALIMQTT-AUTH-008'];

test('a delete with a wrong V1 or V3 signature is refused and deletes nothing', rules(SIGNATURE_RULES), async ({ api, check, ledger, info, target }) => {
  const ca = await mustRegisterCa(api, ledger, info.runId);
  try {
    const query = { MqttInstanceId: instanceOf(target), Sn: ca.sn };
    const v1 = await api.call('DeleteCaCertificate', { query }, { auth: wrongV1Signature, label: 'V1, wrong Signature' });
    check.outcome('ALIMQTT-AUTH-002', v1);
    const v3 = await api.call('DeleteCaCertificate', { query }, { auth: asV3(target, true), label: 'V3, wrong Authorization signature' });
    check.outcome('ALIMQTT-AUTH-003', v3);
    const get = await api.call('GetCaCertificate', { query }, { label: 'still registered?' });
    check.that('ALIMQTT-AUTH-002', get.status === 200, `GetCaCertificate ${get.status} ${get.code ?? ''}`, 'the CA still registered');
    check.that('ALIMQTT-AUTH-003', get.status === 200, `GetCaCertificate ${get.status} ${get.code ?? ''}`, 'the CA still registered');
    // Observation: which of Alibaba's common signature codes each refusal carried.
    check.outcome('ALIMQTT-AUTH-008', v1);
    check.outcome('ALIMQTT-AUTH-008', v3);
  } finally {
    await cleanupCas(api, ledger, [ca.sn]);
  }
});

test('a delete with no signature at all is refused', rules(['ALIMQTT-AUTH-004'], '@readonly'), async ({ api, check, target }) => {
  const ex = await api.call('DeleteCaCertificate', { query: { MqttInstanceId: instanceOf(target), Sn: 'abcdef0123' } }, { auth: 'none' });
  check.outcome('ALIMQTT-AUTH-004', ex);
});
