import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { cleanupCas, mustRegisterCa, PROVIDER } from '../support/ca.ts';
import { instanceOf } from '../support/instance.ts';
import { asFormV1, asV3 } from '../support/resign.ts';

test('DeleteCaCertificate is understood with Action in a form body (V1) and in x-acs-action (V3)', rules(['ALIMQTT-FMT-004']), async ({ api, check, ledger, info, target }) => {
  const form = await mustRegisterCa(api, ledger, info.runId);
  const v3 = await mustRegisterCa(api, ledger, info.runId);
  try {
    for (const [ca, auth, label] of [[form, asFormV1(target), 'V1, form body'], [v3, asV3(target), 'V3, x-acs-action']] as const) {
      const ex = await api.call('DeleteCaCertificate', { query: { MqttInstanceId: instanceOf(target), Sn: ca.sn } }, { auth, label });
      check.outcome('ALIMQTT-FMT-004', ex);
      if (ex.status === 200) ledger.deleted(PROVIDER, 'ca', ca.sn);
      const sn = (ex.body as { Sn?: string }).Sn;
      check.that('ALIMQTT-FMT-004', sn === ca.sn, `${label}: Sn ${JSON.stringify(sn)}`, `${label}: Sn ${ca.sn}`);
    }
  } finally {
    await cleanupCas(api, ledger, [form.sn, v3.sn]);
  }
});
