import { expect, test } from '@playwright/test';
import OpenApi, * as $OpenApi from '@alicloud/openapi-client';
import RPCClient from '@alicloud/pop-core';
import { signAlibabaV1, signAlibabaV3 } from '../../suites/support/signing/alibaba.ts';
import { captureServer, signedHeaders } from './capture.ts';

const credentials = { accessKeyId: 'LTAI-example', accessKeySecret: 'secret/+=example', securityToken: 'sts-token+/=' };
const date = new Date('2024-01-02T03:04:05Z');
const nonce = '0123456789abcdef0123456789abcdef';
const query = { MqttInstanceId: 'mqtt-cn-1', Sn: "ab c*(!)'~é" };
const SIG_PARAMS = ['Timestamp', 'SignatureNonce', 'SignatureMethod', 'SignatureVersion', 'AccessKeyId', 'SecurityToken', 'Signature'];

// CommonJS default exports: the class is the module's `default`.
const OpenApiClient = OpenApi.default;
const params = new $OpenApi.Params({
  action: 'DeleteCaCertificate', version: '2020-04-20', protocol: 'HTTP', pathname: '/', method: 'POST',
  authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
});
const client = (endpoint: string, extra: Record<string, string> = {}) =>
  new OpenApiClient(new $OpenApi.Config({ ...credentials, endpoint, protocol: 'HTTP', ...extra }));
const runtime = {} as never;

test('alibaba-mqtt: V3 (ACS3-HMAC-SHA256) equals @alicloud/openapi-client with pinned date and nonce', async () => {
  const server = await captureServer();
  try {
    // Request headers override the client's own x-acs-date and nonce: that pins them.
    const headers = { 'x-acs-date': '2024-01-02T03:04:05Z', 'x-acs-signature-nonce': nonce };
    await client(server.host).callApi(params, new $OpenApi.OpenApiRequest({ query, headers }), runtime);
    const c = server.requests[0]!;
    const list = /SignedHeaders=([^,]+)/.exec(String(c.headers.authorization))![1]!;
    const input = signedHeaders(c, list);
    for (const h of ['x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256', 'x-acs-accesskey-id', 'x-acs-security-token']) delete input[h];
    const ours = signAlibabaV3({ method: 'POST', url: server.origin + c.path, headers: input }, { credentials, date, nonce });
    expect(ours.headers.Authorization).toBe(c.headers.authorization);
    expect(ours.headers['x-acs-content-sha256']).toBe(c.headers['x-acs-content-sha256']);
    expect(ours.headers['x-acs-security-token']).toBe(credentials.securityToken);
  } finally {
    await server.close();
  }
});

test('alibaba-mqtt: V1 (HMAC-SHA1, query) equals @alicloud/openapi-client in v2 mode', async () => {
  const server = await captureServer();
  try {
    const pinned = { ...query, Timestamp: '2024-01-02T03:04:05Z', SignatureNonce: nonce };
    await client(server.host, { signatureAlgorithm: 'v2' }).callApi(params, new $OpenApi.OpenApiRequest({ query: pinned }), runtime);
    const sent = new URL(server.origin + server.requests[0]!.path);
    const input = new URL(sent);
    for (const p of SIG_PARAMS) input.searchParams.delete(p);
    const ours = new URL(signAlibabaV1({ method: 'POST', url: input.href, headers: {} }, { credentials, date, nonce }).url);
    expect(ours.searchParams.get('Signature')).toBe(sent.searchParams.get('Signature'));
    expect(Object.fromEntries(ours.searchParams)).toEqual(Object.fromEntries(sent.searchParams));
  } finally {
    await server.close();
  }
});

test('alibaba-mqtt: V1 (HMAC-SHA1, form body) equals @alicloud/pop-core', async () => {
  const server = await captureServer((_c, res) => res.end('{"RequestId":"r"}'));
  try {
    const Pop = (RPCClient as unknown as { default?: typeof RPCClient }).default ?? RPCClient;
    const pop = new Pop({ ...credentials, endpoint: server.origin, apiVersion: '2020-04-20' });
    await pop.request('DeleteCaCertificate', { ...query, Timestamp: '2024-01-02T03:04:05Z', SignatureNonce: nonce }, { method: 'POST' });
    const sent = new URLSearchParams(server.requests[0]!.body);
    const form = new URLSearchParams(sent);
    for (const p of SIG_PARAMS) form.delete(p);
    const req = { method: 'POST', url: `${server.origin}/`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() };
    const ours = new URLSearchParams(String(signAlibabaV1(req, { credentials, date, nonce, placement: 'form' }).body));
    expect(ours.get('Signature')).toBe(sent.get('Signature'));
    expect(Object.fromEntries(ours)).toEqual(Object.fromEntries(sent));
  } finally {
    await server.close();
  }
});
