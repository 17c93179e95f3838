import { test } from '../../support/fixtures.ts';
import { rule, rules } from '../../support/rules.ts';
import { documentedCodes } from '../../../lib/spec/dialect.ts';
import { operation } from '../../../lib/spec/load.ts';
import { unregisteredSn } from '../support/ca.ts';
import { standardInstanceOf, STANDARD_INSTANCE_ENV } from '../support/instance.ts';

const RULE = 'ALIMQTT-DEL-014';

// Observation only: the seed says such instances do not support the operation, not what they
// answer. Each documented code at the rule's statuses is listed before the bare status, so the
// report records the code the target chose; an undocumented code still passes on its status.
const TITLE = 'DeleteCaCertificate on an instance below Enterprise Platinum Edition is refused (answer recorded)';

test(TITLE, rules([RULE], '@readonly'), async ({ api, check, target }) => {
  const instance = standardInstanceOf(target);
  if (!instance) return check.notRun(RULE, `no instance below Enterprise Platinum Edition known (set ${STANDARD_INSTANCE_ENV})`);
  const query = { MqttInstanceId: instance, Sn: unregisteredSn() };
  const ex = await api.call('DeleteCaCertificate', { query }, { label: 'DeleteCaCertificate (instance below Platinum)' });
  const op = operation(api.spec, 'DeleteCaCertificate');
  const coded = (status: number) => (documentedCodes(api.spec, op, status) ?? []).map((code) => ({ status, code }));
  check.outcome(RULE, ex, rule(RULE).outcomes.flatMap((o) => [...coded(o.status), o]));
});
