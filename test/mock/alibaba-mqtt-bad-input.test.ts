import { expect, test } from '@playwright/test';
import OpenApiModule, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import OpenApiUtilModule from '@alicloud/openapi-util';
import PopCore from '@alicloud/pop-core';
import { serve, type Served } from '../../mock/host/server.ts';
import { alibabaMqtt, FOREIGN_INSTANCE_ID, MOCK_CREDENTIALS, type MqttState } from '../../mock/providers/alibaba-mqtt/index.ts';

/**
 * Bad input, bad signatures and bad wire format: each answers a documented code at a status
 * the spec gives it (strict mode checks the mapped actions), never a 5xx, and the mock keeps
 * serving. Raw V1 requests are signed with openapi-util's getRPCSignature, the SDKs' own code.
 */
type Body = Record<string, any>;
const Mqtt = 'post-cn-certconform';
const Version = '2020-04-20';

let served: Served<MqttState>;
test.beforeEach(async () => {
  served = await serve(alibabaMqtt, { strict: true });
});
test.afterEach(async () => {
  expect(await v3('GetRegisterCode', { MqttInstanceId: Mqtt })).toMatchObject({ status: 200 }); // still serving
  expect(served.violations).toEqual([]);
  await served.close();
});

/** openapi-client (V3), with the status it saw: its error carries the body and statusCode. */
async function v3(action: string, query: Record<string, string>, secret: string = MOCK_CREDENTIALS.accessKeySecret) {
  const config = new Config({ accessKeyId: MOCK_CREDENTIALS.accessKeyId, accessKeySecret: secret, endpoint: new URL(served.url).host, protocol: 'http' });
  const params = new Params({ action, version: Version, protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' });
  try {
    const res = await new OpenApiModule.default(config).callApi(params, new OpenApiRequest({ query }), {} as never);
    return { status: res.statusCode as number, body: res.body as Body };
  } catch (e) {
    const { statusCode, ...body } = (e as { data: Body }).data;
    return { status: statusCode as number, body };
  }
}

/** V1 parameters for a form POST, signed with `secret`. */
function signV1(params: Record<string, string>, secret: string = MOCK_CREDENTIALS.accessKeySecret) {
  const common = { Format: 'JSON', Version, Timestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), SignatureNonce: crypto.randomUUID() };
  const all = { ...common, SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', AccessKeyId: MOCK_CREDENTIALS.accessKeyId, ...params };
  return new URLSearchParams({ ...all, Signature: OpenApiUtilModule.default.getRPCSignature(all, 'POST', secret) });
}

async function post(body: BodyInit, path = '/', method = 'POST') {
  const res = await fetch(served.url + path, { method, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: method === 'POST' ? body : undefined });
  return { status: res.status, body: (await res.json()) as Body };
}

function expectError(res: { status: number; body: Body }, status: number, code: string) {
  expect({ status: res.status, code: res.body.Code }).toEqual({ status, code });
  expect(Object.keys(res.body).sort()).toEqual(['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
}

test('Sn over 128 bytes, in ASCII or in three-byte characters, is ParameterFieldCheckFailed 400; 128 bytes is not', async () => {
  expectError(await v3('DeleteCaCertificate', { MqttInstanceId: Mqtt, Sn: 'A'.repeat(129) }), 400, 'ParameterFieldCheckFailed');
  expectError(await v3('DeleteCaCertificate', { MqttInstanceId: Mqtt, Sn: '€'.repeat(43) }), 400, 'ParameterFieldCheckFailed');
  expectError(await post(signV1({ Action: 'DeleteCaCertificate', MqttInstanceId: Mqtt, Sn: '€'.repeat(43) })), 400, 'ParameterFieldCheckFailed');
  expectError(await v3('DeleteCaCertificate', { MqttInstanceId: Mqtt, Sn: '€'.repeat(42) + 'AB' }), 400, 'FindCaBySnError');
  const pop = new PopCore({ ...MOCK_CREDENTIALS, endpoint: served.url, apiVersion: Version });
  const code = await pop.request('DeleteCaCertificate', { MqttInstanceId: Mqtt, Sn: '€'.repeat(43) }, { method: 'POST' }).catch((e) => e.code);
  expect(code).toBe('ParameterFieldCheckFailed');
});

test('missing Sn or MqttInstanceId is ParameterFieldCheckFailed 400', async () => {
  expectError(await v3('DeleteCaCertificate', { MqttInstanceId: Mqtt }), 400, 'ParameterFieldCheckFailed');
  expectError(await v3('DeleteCaCertificate', { Sn: '01' }), 400, 'ParameterFieldCheckFailed');
});

test('an unknown instance is MqttInstanceNotFound 400, another account\'s MqttOwnerCheckError 403', async () => {
  expectError(await v3('DeleteCaCertificate', { MqttInstanceId: 'post-cn-nobody', Sn: '01' }), 400, 'MqttInstanceNotFound');
  expectError(await v3('GetRegisterCode', { MqttInstanceId: FOREIGN_INSTANCE_ID }), 403, 'MqttOwnerCheckError');
});

test('wrong V1 and V3 signatures are SignatureDoesNotMatch 400; no signature is MissingParameter 400', async () => {
  expectError(await v3('GetRegisterCode', { MqttInstanceId: Mqtt }, 'not-the-secret'), 400, 'SignatureDoesNotMatch');
  expectError(await post(signV1({ Action: 'GetRegisterCode', MqttInstanceId: Mqtt }, 'not-the-secret')), 400, 'SignatureDoesNotMatch');
  const tampered = signV1({ Action: 'DeleteCaCertificate', MqttInstanceId: Mqtt, Sn: '01' });
  expectError(await post(tampered), 400, 'FindCaBySnError'); // as signed: reaches the engine
  tampered.set('Sn', '02');
  expectError(await post(tampered), 400, 'SignatureDoesNotMatch');
  expectError(await post(new URLSearchParams({ Action: 'GetRegisterCode', MqttInstanceId: Mqtt })), 400, 'MissingParameter');
  const pop = new PopCore({ ...MOCK_CREDENTIALS, accessKeySecret: 'not-the-secret', endpoint: served.url, apiVersion: Version });
  expect(await pop.request('GetRegisterCode', { MqttInstanceId: Mqtt }, { method: 'POST' }).catch((e) => e.code)).toBe('SignatureDoesNotMatch');
  const bogus = await fetch(`${served.url}/?Action=GetRegisterCode&MqttInstanceId=${Mqtt}`, { headers: { authorization: 'ACS3-HMAC-SHA256 nonsense' } });
  expectError({ status: bogus.status, body: await bogus.json() }, 400, 'IncompleteSignature');
});

test('an unknown or missing Action, a malformed form body, another path are documented 400s', async () => {
  expectError(await post(signV1({ Action: 'NoSuchAction', MqttInstanceId: Mqtt })), 400, 'ParameterFieldCheckFailed');
  expectError(await v3('NoSuchAction', { MqttInstanceId: Mqtt }), 400, 'ParameterFieldCheckFailed');
  expectError(await post(signV1({ MqttInstanceId: Mqtt })), 400, 'MissingParameter');
  expectError(await post('Action=GetRegisterCode&MqttInstanceId=%E2%82'), 400, 'ParameterFieldCheckFailed');
  expectError(await post('Action=GetRegisterCode&MqttInstanceId=%zz'), 400, 'ParameterFieldCheckFailed');
  expectError(await post(new Uint8Array([0xff, 0xfe, 0x3d])), 400, 'ParameterFieldCheckFailed');
  expectError(await post('', '/DeleteCaCertificate', 'DELETE'), 400, 'ParameterFieldCheckFailed');
});
