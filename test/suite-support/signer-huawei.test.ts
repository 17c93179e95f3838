import { expect, test } from '@playwright/test';
import { GlobalCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { ClientBuilder } from '@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js';
import type { HcClient } from '@huaweicloud/huaweicloud-sdk-core/HcClient.js';
import { signHuawei, withAuthToken } from '../../suites/support/signing/huawei.ts';
import { captureServer } from './capture.ts';

const credentials = { ak: 'HWAKEXAMPLE', sk: 'hw-secret-example', domainId: 'domain-0001' };
const sdkDate = '20240102T030405Z';
const date = new Date('2024-01-02T03:04:05Z');

function sdkClient(endpoint: string): HcClient {
  const cred = new GlobalCredentials().withAk(credentials.ak).withSk(credentials.sk).withDomainId(credentials.domainId);
  return new ClientBuilder<HcClient>((hc) => hc, 'GlobalCredentials').withCredential(cred).withEndpoint(endpoint).build();
}

test('huawei-scm: AK/SK signature equals @huaweicloud/huaweicloud-sdk-core with a pinned X-Sdk-Date', async () => {
  const server = await captureServer((_c, res) => res.end('{"certificate_id":"scs1700000000001"}'));
  try {
    const hc = sdkClient(server.origin);
    const data = { name: 'cert_é-1', certificate: 'line1\nline2', private_key: 'k' };
    const queryParams = { limit: 10, sort_dir: 'A B' };
    // A request header X-Sdk-Date is kept by the SDK's signer: that pins the time.
    const headers = { 'X-Sdk-Date': sdkDate };
    await hc.sendRequest({ method: 'POST', url: '/v3/scm/certificates/import', contentType: 'application/json', queryParams, pathParams: {}, headers, data });
    await hc.sendRequest({ method: 'DELETE', url: '/v3/scm/certificates/{certificate_id}', contentType: 'application/json', queryParams: {}, pathParams: { certificate_id: 'scs1700000000001' }, headers: { ...headers } });
    const [post, del] = server.requests;
    const ours = signHuawei(
      { method: 'POST', url: `${server.origin}/v3/scm/certificates/import?limit=10&sort_dir=A%20B`, headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) },
      { credentials, date },
    );
    expect(ours.headers.Authorization).toBe(post!.headers.authorization);
    expect(ours.headers['X-Sdk-Date']).toBe(sdkDate);
    const oursDel = signHuawei({ method: 'DELETE', url: `${server.origin}/v3/scm/certificates/scs1700000000001`, headers: { 'content-type': 'application/json' } }, { credentials, date });
    expect(oursDel.headers.Authorization).toBe(del!.headers.authorization);
  } finally {
    await server.close();
  }
});

test('huawei-scm: a body that is not its own canonical JSON is sent UNSIGNED-PAYLOAD, as the SDK does', () => {
  const req = { method: 'POST', url: 'https://scm.ap-southeast-1.myhuaweicloud.com/v3/scm/certificates/import', headers: { 'content-type': 'application/json' } };
  const canonical = signHuawei({ ...req, body: '{"name":"abc"}' }, { credentials, date });
  const spaced = signHuawei({ ...req, body: '{ "name": "abc" }' }, { credentials, date });
  expect(canonical.headers['X-Sdk-Content-Sha256']).toBeUndefined();
  expect(spaced.headers['X-Sdk-Content-Sha256']).toBe('UNSIGNED-PAYLOAD');
  expect(spaced.headers.Authorization).toContain('x-sdk-content-sha256');
});

test('huawei-scm: token auth only adds X-Auth-Token', () => {
  const req = { method: 'DELETE', url: 'https://scm.example/v3/scm/certificates/x', headers: { a: '1' } };
  expect(withAuthToken(req, 'tok').headers).toEqual({ a: '1', 'X-Auth-Token': 'tok' });
});
