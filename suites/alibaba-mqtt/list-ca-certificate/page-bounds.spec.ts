import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { instanceOf } from '../support/instance.ts';

const list = (api: Parameters<Parameters<typeof test>[2]>[0]['api'], PageNo: string, PageSize: string) =>
  api.call('ListCaCertificate', { query: { MqttInstanceId: instanceOf(api.target), PageNo, PageSize } }, { label: `ListCaCertificate(PageNo=${PageNo}, PageSize=${PageSize})` });

test('a PageSize outside 1..100 is ParameterFieldCheckFailed', rules(['ALIMQTT-LST-001'], '@readonly'), async ({ api, check }) => {
  for (const size of ['0', '101']) check.outcome('ALIMQTT-LST-001', await list(api, '1', size));
});

test('a PageNo below 1 is ParameterFieldCheckFailed', rules(['ALIMQTT-LST-002'], '@readonly'), async ({ api, check }) => {
  check.outcome('ALIMQTT-LST-002', await list(api, '0', '10'));
});
