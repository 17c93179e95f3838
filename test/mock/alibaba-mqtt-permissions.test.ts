import { expect, test } from '@playwright/test';
import OpenApiModule, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import PopCore from '@alicloud/pop-core';
import { serve, type Served } from '../../mock/host/server.ts';
import {
  alibabaMqtt,
  DEFAULT_INSTANCE_ID,
  MOCK_CREDENTIALS,
  NARROW_CREDENTIALS,
  STANDARD_INSTANCE_ID,
  type MqttState,
} from '../../mock/providers/alibaba-mqtt/index.ts';
import { issueCa, issueLeaf } from '../../mock/providers/alibaba-mqtt/issue.ts';

/**
 * The mock's RAM model (seed § Authorization information): the narrow AccessKey may do every
 * certificate action but DeleteCaCertificate, through V3 (openapi-client) and V1 (pop-core);
 * its refusal deletes nothing. And an instance below Platinum Edition takes no action.
 */
type Body = Record<string, any>;
type Keys = { accessKeyId: string; accessKeySecret: string };
type Answer = { status: number; body: Body };

let served: Served<MqttState>;
test.beforeEach(async () => {
  served = await serve(alibabaMqtt, { strict: true });
});
test.afterEach(async () => {
  expect(served.violations).toEqual([]);
  await served.close();
});

async function v3(keys: Keys, action: string, query: Record<string, string>): Promise<Answer> {
  const config = new Config({ ...keys, endpoint: new URL(served.url).host, protocol: 'http' });
  const style = { version: '2020-04-20', protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' };
  try {
    const res = await new OpenApiModule.default(config).callApi(new Params({ action, ...style }), new OpenApiRequest({ query }), {} as never);
    return { status: res.statusCode as number, body: res.body as Body };
  } catch (e) {
    const { statusCode, ...body } = (e as { data: Body }).data;
    return { status: statusCode as number, body };
  }
}
const v1Code = (keys: Keys, action: string, query: Record<string, string>) =>
  new PopCore({ ...keys, endpoint: served.url, apiVersion: '2020-04-20' }).request(action, query, { method: 'POST' }).then(
    () => 'no error',
    (e: { code?: string }) => e.code,
  );
const outcome = (a: Answer) => `${a.status} ${a.body.Code ?? ''}`.trim();

async function registered(): Promise<string> {
  const code = (await v3(MOCK_CREDENTIALS, 'GetRegisterCode', { MqttInstanceId: DEFAULT_INSTANCE_ID })).body.RegisterCode;
  const ca = await issueCa('ram');
  const query = { MqttInstanceId: DEFAULT_INSTANCE_ID, CaName: 'ram', CaContent: ca.pem, VerificationContent: (await issueLeaf(ca, code)).pem };
  // Registration is within the narrow grant (mq:Register*).
  const reg = await v3(NARROW_CREDENTIALS, 'RegisterCaCertificate', query);
  expect(reg.status).toBe(200);
  return reg.body.Sn as string;
}

test('the narrow AccessKey reads and registers, but its DeleteCaCertificate is MqttOwnerCheckError and deletes nothing', async () => {
  const Sn = await registered();
  const query = { MqttInstanceId: DEFAULT_INSTANCE_ID, Sn };
  expect((await v3(NARROW_CREDENTIALS, 'GetCaCertificate', query)).status).toBe(200);
  expect(outcome(await v3(NARROW_CREDENTIALS, 'DeleteCaCertificate', query))).toBe('403 MqttOwnerCheckError');
  expect(await v1Code(NARROW_CREDENTIALS, 'DeleteCaCertificate', query)).toBe('MqttOwnerCheckError');
  expect((await v3(MOCK_CREDENTIALS, 'GetCaCertificate', query)).status).toBe(200);
  expect(outcome(await v3(MOCK_CREDENTIALS, 'DeleteCaCertificate', query))).toBe('200');
});

test('the grant is checked after the signature: a wrong narrow secret is a signature failure, not a permission one', async () => {
  const wrong = { ...NARROW_CREDENTIALS, accessKeySecret: `${NARROW_CREDENTIALS.accessKeySecret}x` };
  const query = { MqttInstanceId: DEFAULT_INSTANCE_ID, Sn: 'abcdef0123' };
  expect(outcome(await v3(wrong, 'DeleteCaCertificate', query))).toBe('400 SignatureDoesNotMatch');
  expect(await v1Code(wrong, 'DeleteCaCertificate', query)).toBe('SignatureDoesNotMatch');
});

test('an instance below Platinum Edition takes no certificate action', async () => {
  const query = { MqttInstanceId: STANDARD_INSTANCE_ID };
  expect(outcome(await v3(MOCK_CREDENTIALS, 'GetRegisterCode', query))).toBe('403 MqttOwnerCheckError');
  expect(outcome(await v3(MOCK_CREDENTIALS, 'DeleteCaCertificate', { ...query, Sn: 'abcdef0123' }))).toBe('403 MqttOwnerCheckError');
});

test('the module advertises the narrow pair and the instances beside the main credentials', () => {
  expect(alibabaMqtt.credentials).toMatchObject({
    narrowAccessKeyId: NARROW_CREDENTIALS.accessKeyId,
    narrowAccessKeySecret: NARROW_CREDENTIALS.accessKeySecret,
    standardInstanceId: STANDARD_INSTANCE_ID,
  });
});
