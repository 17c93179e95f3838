import { expect, test } from '@playwright/test';
import OpenApiModule, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import PopCore from '@alicloud/pop-core';
import { serve, type Served } from '../../mock/host/server.ts';
import { alibabaMqtt, MOCK_CREDENTIALS, SEED_ROUTE, type MqttState } from '../../mock/providers/alibaba-mqtt/index.ts';
import { issueCa, issueLeaf, type Issued } from '../../mock/providers/alibaba-mqtt/issue.ts';

/**
 * The CA lifecycle through the official clients, unchanged but for endpoint and credentials:
 * @alicloud/openapi-client's callApi (signature V3 by default; V1 through doRPCRequest with
 * signatureAlgorithm "v2") and @alicloud/pop-core (V1, everything in a form body on POST, in
 * the query on GET). Device certificates come in through the seeding route, as a first MQTT
 * connect would register them.
 */
type Body = Record<string, any>;
type Call = (action: string, query: Record<string, string>) => Promise<Body>;

const openApi = (signatureAlgorithm?: string) => (url: string): Call => {
  const client = new OpenApiModule.default(new Config({ ...MOCK_CREDENTIALS, endpoint: new URL(url).host, protocol: 'http', signatureAlgorithm }));
  const style = { version: '2020-04-20', protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' };
  return async (action, query) => (await client.callApi(new Params({ action, ...style }), new OpenApiRequest({ query }), {} as never)).body as Body;
};
const popCore = (method: 'POST' | 'GET') => (url: string): Call => {
  const client = new PopCore({ ...MOCK_CREDENTIALS, endpoint: url, apiVersion: '2020-04-20' });
  return (action, query) => client.request<Body>(action, query, { method });
};
const CLIENTS: Record<string, (url: string) => Call> = {
  'openapi-client V3': openApi(),
  'openapi-client V1 (signatureAlgorithm v2, doRPCRequest)': openApi('v2'),
  'pop-core V1 form POST': popCore('POST'),
  'pop-core V1 GET': popCore('GET'),
};

const Mqtt = 'post-cn-certconform';
const codeOf = (p: Promise<unknown>) => p.then(() => 'no error', (e: { code?: string }) => e.code);

let served: Served<MqttState>;
test.beforeEach(async () => {
  served = await serve(alibabaMqtt, { strict: true });
});
test.afterEach(async () => {
  expect(served.violations).toEqual([]);
  await served.close();
});

async function seed(device: Issued) {
  const res = await fetch(`${served.url}/__certconform/${SEED_ROUTE}`, { method: 'POST', body: JSON.stringify({ pem: device.pem }) });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
  return (await res.json()) as Body;
}

for (const [name, make] of Object.entries(CLIENTS)) {
  test(`${name}: register, list, enrol, delete with cascade, other CA untouched`, async () => {
    const call = make(served.url);
    const { RegisterCode } = await call('GetRegisterCode', { MqttInstanceId: Mqtt });
    expect(RegisterCode).toMatch(/^[0-9a-f]{20}$/);
    const register = async (cn: string) => {
      const ca = await issueCa(cn);
      const verification = await issueLeaf(ca, RegisterCode);
      const reg = await call('RegisterCaCertificate', { MqttInstanceId: Mqtt, CaName: cn, CaContent: ca.pem, VerificationContent: verification.pem });
      expect(reg.Sn).toBe(ca.cert.serialNumber.toUpperCase());
      expect(reg.RequestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
      return { ca, sn: reg.Sn as string };
    };
    const one = await register('fleet-one');
    const two = await register('fleet-two');

    const list = await call('ListCaCertificate', { MqttInstanceId: Mqtt, PageNo: '1', PageSize: '10' });
    expect(list.Data.Total).toBe(2);
    expect(list.Data.CaCertificateVOS.map((c: Body) => [c.Sn, c.CaName, c.Status])).toEqual([
      [one.sn, 'fleet-one', '1'],
      [two.sn, 'fleet-two', '1'],
    ]);
    expect(Number(list.Data.CaCertificateVOS[0].ValidEnd)).toBe(one.ca.cert.notAfter.getTime());

    const devices = [await issueLeaf(one.ca, 'sensor-1'), await issueLeaf(one.ca, 'sensor-2')];
    for (const d of devices) expect((await seed(d)).CaSn).toBe(one.sn);
    const other = await seed(await issueLeaf(two.ca, 'gateway-1'));
    const byCa = await call('ListDeviceCertificateByCaSn', { MqttInstanceId: Mqtt, CaSn: one.sn, PageNo: '1', PageSize: '10' });
    expect(byCa.Data.DeviceCertificateVOS.map((d: Body) => [d.DeviceSn, d.DeviceName, d.Status]).sort()).toEqual(
      devices.map((d, i) => [d.cert.serialNumber.toUpperCase(), `sensor-${i + 1}`, '1']).sort(),
    );

    expect((await call('DeleteCaCertificate', { MqttInstanceId: Mqtt, Sn: one.sn })).Sn).toBe(one.sn);
    expect(await codeOf(call('GetCaCertificate', { MqttInstanceId: Mqtt, Sn: one.sn }))).toBe('FindCaBySnError');
    expect(await codeOf(call('DeleteCaCertificate', { MqttInstanceId: Mqtt, Sn: one.sn }))).toBe('FindCaBySnError');
    const after = await call('ListCaCertificate', { MqttInstanceId: Mqtt, PageNo: '1', PageSize: '10' });
    expect(after.Data.CaCertificateVOS.map((c: Body) => c.Sn)).toEqual([two.sn]);
    expect(await codeOf(call('ListDeviceCertificateByCaSn', { MqttInstanceId: Mqtt, CaSn: one.sn, PageNo: '1', PageSize: '10' }))).toBe(
      'FindCaBySnError',
    );
    const all = await call('ListDeviceCertificate', { MqttInstanceId: Mqtt, PageNo: '1', PageSize: '100' });
    expect(all.Data.DeviceCertificateVOS.map((d: Body) => [d.CaSn, d.DeviceSn])).toEqual([[two.sn, other.DeviceSn]]);
    const kept = await call('GetDeviceCertificate', { MqttInstanceId: Mqtt, CaSn: two.sn, DeviceSn: other.DeviceSn });
    expect(kept.Data.DeviceName).toBe('gateway-1');
  });
}
