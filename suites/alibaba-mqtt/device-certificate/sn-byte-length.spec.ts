import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { loadSpec, operation } from '../../../lib/spec/load.ts';
import { instanceOf } from '../support/instance.ts';

const params = operation(loadSpec('alibaba-mqtt'), 'GetDeviceCertificate').parameters;
const bytesOf = (name: string) => Number(params.find((p) => p.name === name)!.schema['x-maxBytes']);

for (const name of ['CaSn', 'DeviceSn'] as const) {
  test(`GetDeviceCertificate with a ${name} over its byte limit is ParameterFieldCheckFailed`, rules(['ALIMQTT-GET-002'], '@readonly'), async ({ api, check }) => {
    const query = { MqttInstanceId: instanceOf(api.target), CaSn: 'abcdef0123', DeviceSn: 'abcdef0456' };
    for (const value of ['a'.repeat(bytesOf(name) + 1), '€'.repeat(Math.floor(bytesOf(name) / 3) + 1)]) {
      check.outcome('ALIMQTT-GET-002', await api.call('GetDeviceCertificate', { query: { ...query, [name]: value } }, { label: `${name} of ${Buffer.byteLength(value)} bytes` }));
    }
  });
}
