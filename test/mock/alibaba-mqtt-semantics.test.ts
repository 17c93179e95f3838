import { expect, test } from '@playwright/test';
import OpenApiModule, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import { serve, type Served } from '../../mock/host/server.ts';
import { alibabaMqtt, MOCK_CREDENTIALS, SEED_ROUTE, type MqttState } from '../../mock/providers/alibaba-mqtt/index.ts';
import { deleteCa, enrolDevice, registerCa } from '../../mock/providers/alibaba-mqtt/engine.ts';
import { issueCa, issueLeaf, type Issued } from '../../mock/providers/alibaba-mqtt/issue.ts';

/**
 * Registration checks, status changes, device certificate actions and paging, through
 * @alicloud/openapi-client (V3), with the HTTP status it saw. Strict mode checks every reply
 * against the spec.
 */
type Body = Record<string, any>;
const Mqtt = 'post-cn-certconform';

let served: Served<MqttState>;
let code: string;
test.beforeEach(async () => {
  served = await serve(alibabaMqtt, { strict: true });
  code = (await call('GetRegisterCode', { MqttInstanceId: Mqtt })).body.RegisterCode;
});
test.afterEach(async () => {
  expect(served.violations).toEqual([]);
  await served.close();
});

async function call(action: string, query: Record<string, string>) {
  const config = new Config({ ...MOCK_CREDENTIALS, endpoint: new URL(served.url).host, protocol: 'http' });
  const params = new Params({ action, version: '2020-04-20', protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' });
  try {
    const res = await new OpenApiModule.default(config).callApi(params, new OpenApiRequest({ query: { MqttInstanceId: Mqtt, ...query } }), {} as never);
    return { status: res.statusCode as number, body: res.body as Body };
  } catch (e) {
    const { statusCode, ...body } = (e as { data: Body }).data;
    return { status: statusCode as number, body };
  }
}
const outcome = (r: { status: number; body: Body }) => `${r.status} ${r.body.Code ?? ''}`.trim();
const register = (ca: Issued, verification: Issued, CaName = 'ca') =>
  call('RegisterCaCertificate', { CaName, CaContent: ca.pem, VerificationContent: verification.pem });
const seed = async (device: Issued) => {
  const res = await fetch(`${served.url}/__certconform/${SEED_ROUTE}`, { method: 'POST', body: JSON.stringify({ pem: device.pem }) });
  return { status: res.status, body: (await res.json()) as Body };
};

test('registration proves the CA: CA flag, signature, registration code, unique Sn', async () => {
  const ca = await issueCa('root');
  const stranger = await issueCa('stranger');
  expect(outcome(await register(await issueLeaf(ca, 'leaf'), await issueLeaf(ca, code)))).toBe('401 CertificateContentError');
  expect(outcome(await register(ca, await issueLeaf(stranger, code)))).toBe('401 CertificateContentError');
  expect(outcome(await call('RegisterCaCertificate', { CaName: 'x', CaContent: 'not a pem', VerificationContent: 'x' }))).toBe('401 CertificateContentError');
  expect(outcome(await register(ca, await issueLeaf(ca, 'not-the-code')))).toBe('400 RegisterCodeError');
  const ok = await register(ca, await issueLeaf(ca, code), 'root');
  expect(ok.status).toBe(200);
  expect(outcome(await register(ca, await issueLeaf(ca, code)))).toBe('401 SnNotUnique');
  const got = await call('GetCaCertificate', { Sn: ok.body.Sn });
  expect(got.body.Data).toMatchObject({ Sn: ok.body.Sn, CaName: 'root', Status: '1', RegistrationCode: code, CaContent: ca.pem });
  expect(got.body.Data.ValidBegin).toBe(String(ca.cert.notBefore.getTime()));
});

test('an inactive CA takes no new devices; device status, delete and not-found', async () => {
  const ca = await issueCa('root');
  const { Sn } = (await register(ca, await issueLeaf(ca, code))).body;
  expect((await call('InactivateCaCertificate', { Sn })).body.Sn).toBe(Sn);
  expect((await call('GetCaCertificate', { Sn })).body.Data.Status).toBe('0');
  const device = await issueLeaf(ca, 'sensor');
  expect(await seed(device)).toMatchObject({ status: 422, body: { reason: 'ca-inactive' } });
  expect((await call('ActiveCaCertificate', { Sn })).body.Sn).toBe(Sn);
  const DeviceSn = (await seed(device)).body.DeviceSn as string;
  expect(DeviceSn).toBe(device.cert.serialNumber.toUpperCase());
  expect((await call('InactivateDeviceCertificate', { CaSn: Sn, DeviceSn })).body.DeviceSn).toBe(DeviceSn);
  expect((await call('GetDeviceCertificate', { CaSn: Sn, DeviceSn })).body.Data.Status).toBe('0');
  expect(await seed(device)).toMatchObject({ status: 409, body: { reason: 'device-inactive' } });
  expect((await call('ActiveDeviceCertificate', { CaSn: Sn, DeviceSn })).body.DeviceSn).toBe(DeviceSn);
  expect((await call('DeleteDeviceCertificate', { CaSn: Sn, DeviceSn })).body.DeviceSn).toBe(DeviceSn);
  expect(outcome(await call('GetDeviceCertificate', { CaSn: Sn, DeviceSn }))).toBe('500 FindDeviceBySnError');
  expect(outcome(await call('InactivateDeviceCertificate', { CaSn: Sn, DeviceSn }))).toBe('500 FindDeviceBySnError');
  expect(outcome(await call('GetDeviceCertificate', { CaSn: 'ABCD', DeviceSn }))).toBe('400 FindCaBySnError');
  expect((await call('GetCaCertificate', { Sn })).status).toBe(200);
});

test('seeding refuses what a broker would: strangers, expired certificates, non-PEM', async () => {
  const ca = await issueCa('root');
  await register(ca, await issueLeaf(ca, code));
  expect(await seed(await issueLeaf(await issueCa('stranger'), 'x'))).toMatchObject({ status: 422, body: { reason: 'unknown-ca' } });
  const expired = await issueLeaf(ca, 'old', { notBefore: new Date(Date.now() - 2e6), notAfter: new Date(Date.now() - 1e6) });
  expect(await seed(expired)).toMatchObject({ status: 422, body: { reason: 'not-valid-now' } });
  expect((await seed({ pem: 'nope' } as Issued)).status).toBe(400);
  const res = await fetch(`${served.url}/__certconform/${SEED_ROUTE}`, { method: 'POST', body: JSON.stringify({ pem: 'x', instanceId: 'post-cn-nobody' }) });
  expect(res.status).toBe(404);
});

test('pages: PageNo from 1, PageSize entries, Total of all; a page past the end is empty', async () => {
  const sns: string[] = [];
  for (const cn of ['a', 'b', 'c']) {
    const ca = await issueCa(cn);
    sns.push((await register(ca, await issueLeaf(ca, code))).body.Sn);
  }
  const pageOf = async (PageNo: string) => (await call('ListCaCertificate', { PageNo, PageSize: '2' })).body.Data;
  expect(await pageOf('1')).toMatchObject({ PageNo: 1, PageSize: 2, Total: 3 });
  expect([...(await pageOf('1')).CaCertificateVOS, ...(await pageOf('2')).CaCertificateVOS].map((c: Body) => c.Sn)).toEqual(sns);
  expect((await pageOf('3')).CaCertificateVOS).toEqual([]);
  expect(outcome(await call('ListCaCertificate', { PageNo: '0', PageSize: '2' }))).toBe('400 ParameterFieldCheckFailed');
  expect(outcome(await call('ListCaCertificate', { PageNo: '1', PageSize: '101' }))).toBe('400 ParameterFieldCheckFailed');
});

test('concurrent clients: one CA registers once; a CA deleted while a device enrols gets no orphan', async () => {
  const ca = await issueCa('raced');
  const verification = await issueLeaf(ca, code);
  // In the engine, so the interleaving is certain: each call pauses at its signature check.
  const reg = { name: 'raced', caPem: ca.pem, verificationPem: verification.pem };
  const results = await Promise.allSettled([1, 2, 3].map(() => registerCa(served.state, Mqtt, reg)));
  expect(results.map((r) => (r.status === 'fulfilled' ? 'ok' : r.reason.code)).sort()).toEqual(['SnNotUnique', 'SnNotUnique', 'ok']);
  const Sn = ca.cert.serialNumber.toUpperCase();
  const enrolling = enrolDevice(served.state, Mqtt, (await issueLeaf(ca, 'late')).pem);
  deleteCa(served.state, Mqtt, Sn);
  await expect(enrolling).rejects.toMatchObject({ reason: 'unknown-ca' });
  expect((await call('ListDeviceCertificate', { PageNo: '1', PageSize: '100' })).body.Data.Total).toBe(0);
});
