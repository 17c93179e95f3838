import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { cleanupCas, mustRegisterCa, PROVIDER } from '../support/ca.ts';
import { instanceOf } from '../support/instance.ts';
import { narrowCredentialsOf, NO_NARROW } from '../support/narrow.ts';
import { signedBy } from '../support/resign.ts';

const RULES = ['ALIMQTT-AUTH-005', 'ALIMQTT-AUTH-006'];
const notRun = (check: { notRun(id: string, why: string): void }, why: string) => RULES.forEach((id) => check.notRun(id, why));

const TITLE = 'a caller whose RAM policy lacks mq:DeleteCaCertificate is refused and the CA stays registered';

test(TITLE, rules(RULES), async ({ api, check, ledger, info, target }) => {
  const narrow = narrowCredentialsOf(target);
  if (!narrow) return notRun(check, NO_NARROW);
  const ca = await mustRegisterCa(api, ledger, info.runId);
  try {
    const query = { MqttInstanceId: instanceOf(target), Sn: ca.sn };
    // The key must work for what it is allowed, so that a refused delete shows the missing grant, not a bad key.
    const read = await api.call('GetCaCertificate', { query }, { auth: signedBy(narrow), label: 'GetCaCertificate as the narrow caller' });
    if (read.status !== 200) {
      const answered = `${read.status} ${read.code ?? ''}`.trim();
      return notRun(check, `the narrow AccessKey cannot read either (GetCaCertificate answered ${answered}): it must be valid and allow mq:GetCaCertificate`);
    }
    const label = 'DeleteCaCertificate without mq:DeleteCaCertificate';
    const ex = await api.call('DeleteCaCertificate', { query }, { auth: signedBy(narrow), label });
    if (ex.status === 200) ledger.deleted(PROVIDER, 'ca', ca.sn);
    check.outcome('ALIMQTT-AUTH-005', ex);
    const get = await api.call('GetCaCertificate', { query }, { label: 'still registered?' });
    check.that('ALIMQTT-AUTH-005', get.status === 200, `GetCaCertificate ${get.status} ${get.code ?? ''}`, 'the CA still registered');
    check.outcome('ALIMQTT-AUTH-006', ex);
  } finally {
    await cleanupCas(api, ledger, [ca.sn]);
  }
});
