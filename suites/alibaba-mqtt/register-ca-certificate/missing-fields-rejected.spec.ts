import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { newCa, cleanupCas, PROVIDER } from '../support/ca.ts';
import { verificationCertificate } from '../../support/certs/generate.ts';
import { instanceOf } from '../support/instance.ts';

for (const missing of ['CaName', 'CaContent', 'VerificationContent'] as const) {
  test(`a registration without ${missing} is ParameterFieldCheckFailed`, rules(['ALIMQTT-REG-005']), async ({ api, check, ledger, info }) => {
    const instance = instanceOf(api.target);
    const code = (await api.call('GetRegisterCode', { query: { MqttInstanceId: instance } })).body as { RegisterCode?: string };
    const ca = await newCa(info.runId);
    const verification = await verificationCertificate(ca, code.RegisterCode ?? 'none');
    const query: Record<string, string | undefined> = { MqttInstanceId: instance, CaName: `cc-${info.runId}-missing`, CaContent: ca.pem, VerificationContent: verification.pem };
    delete query[missing];
    const ex = await api.call('RegisterCaCertificate', { query }, { label: `RegisterCaCertificate without ${missing}` });
    const sn = (ex.body as { Sn?: string } | undefined)?.Sn;
    if (ex.status === 200 && sn) ledger.created(PROVIDER, 'ca', sn, { instanceId: instance });
    try {
      check.outcome('ALIMQTT-REG-005', ex);
    } finally {
      if (ex.status === 200 && sn) await cleanupCas(api, ledger, [sn]);
    }
  });
}
