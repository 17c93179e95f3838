import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { instanceOf } from '../support/instance.ts';

// The rule is about the 500 calls/s quota; the suite never floods a real account. It asks for a
// throttle through the built-in mock's documented per-request fault header (other
// implementations ignore it) and judges only a throttling answer; anything else is not run.
test('a throttled delete answers SystemOverFlow', rules(['ALIMQTT-DEL-011'], '@readonly'), async ({ api, check, target }) => {
  const ex = await api.call(
    'DeleteCaCertificate',
    { query: { MqttInstanceId: instanceOf(target), Sn: 'abcdef0123' }, headers: { 'x-certconform-fault': 'throttle' } },
    { retry: false, label: 'DeleteCaCertificate (throttle requested)' },
  );
  const throttled = ex.code === 'SystemOverFlow' || ex.status === 429 || /thrott|overflow|flow/i.test(ex.code ?? '');
  if (!throttled) return check.notRun('ALIMQTT-DEL-011', `the target did not throttle (answered ${ex.status} ${ex.code ?? ''}); the suite does not exceed 500 calls/s to provoke it`);
  check.outcome('ALIMQTT-DEL-011', ex);
});
