import { test } from '../../support/fixtures.ts';
import { rules } from '../../support/rules.ts';
import { loadSpec, operation } from '../../../lib/spec/load.ts';
import { instanceOf } from '../support/instance.ts';

// The limit comes from the spec (maxLength + x-maxBytes of Sn), not from a number typed here.
const sn = operation(loadSpec('alibaba-mqtt'), 'DeleteCaCertificate').parameters.find((p) => p.name === 'Sn')!.schema;
const maxBytes = Number(sn['x-maxBytes']);
const maxLength = Number(sn.maxLength);

const del = (api: Parameters<Parameters<typeof test>[2]>[0]['api'], value: string) =>
  api.call('DeleteCaCertificate', { query: { MqttInstanceId: instanceOf(api.target), Sn: value } });

test(`an Sn of ${maxBytes + 1} ASCII bytes is ParameterFieldCheckFailed`, rules(['ALIMQTT-DEL-006'], '@readonly'), async ({ api, check }) => {
  check.outcome('ALIMQTT-DEL-006', await del(api, '7'.repeat(maxBytes + 1)));
});

test('an Sn within the character limit but over the byte limit is ParameterFieldCheckFailed', rules(['ALIMQTT-DEL-007'], '@readonly'), async ({ api, check }) => {
  const chars = Math.floor(maxBytes / 3) + 1; // three-byte characters
  const value = '€'.repeat(chars);
  if (chars > maxLength || Buffer.byteLength(value) <= maxBytes) throw new Error('the spec leaves no room for a bytes-only breaker');
  check.outcome('ALIMQTT-DEL-007', await del(api, value));
});

test(`an Sn of exactly ${maxBytes} bytes is within the limit`, rules(['ALIMQTT-DEL-008'], '@readonly'), async ({ api, check }) => {
  // Mixed: two-byte characters fill most of it, so a character count would differ from bytes.
  const value = `${'é'.repeat(maxBytes / 2 - 2)}9999`;
  if (Buffer.byteLength(value) !== maxBytes) throw new Error(`built ${Buffer.byteLength(value)} bytes`);
  check.outcome('ALIMQTT-DEL-008', await del(api, value));
  check.outcome('ALIMQTT-DEL-008', await del(api, 'f'.repeat(maxBytes)));
});
