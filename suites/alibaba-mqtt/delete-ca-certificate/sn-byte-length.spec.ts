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

// The seed states the limit, not the code of its refusal: -006/-007 accept every documented
// refusal (ParameterFieldCheckFailed, FindCaBySnError), -013 asks for ParameterFieldCheckFailed.
test(`an Sn of ${maxBytes + 1} ASCII bytes is refused`, rules(['ALIMQTT-DEL-006', 'ALIMQTT-DEL-013'], '@readonly'), async ({ api, check }) => {
  const ex = await del(api, '7'.repeat(maxBytes + 1));
  check.outcome('ALIMQTT-DEL-006', ex);
  check.outcome('ALIMQTT-DEL-013', ex);
});

test('an Sn within the character limit but over the byte limit is refused', rules(['ALIMQTT-DEL-007', 'ALIMQTT-DEL-013'], '@readonly'), async ({ api, check }) => {
  const chars = Math.floor(maxBytes / 3) + 1; // three-byte characters
  const value = '€'.repeat(chars);
  if (chars > maxLength || Buffer.byteLength(value) <= maxBytes) throw new Error('the spec leaves no room for a bytes-only breaker');
  const ex = await del(api, value);
  check.outcome('ALIMQTT-DEL-007', ex);
  check.outcome('ALIMQTT-DEL-013', ex);
});

// ASCII only: the seed names no character set, so a non-ASCII serial at the limit may be
// refused for its characters (ParameterFieldCheckFailed) by a target that is right to do so.
test(`an Sn of exactly ${maxBytes} bytes is within the limit`, rules(['ALIMQTT-DEL-008'], '@readonly'), async ({ api, check }) => {
  check.outcome('ALIMQTT-DEL-008', await del(api, 'f'.repeat(maxBytes)));
});
