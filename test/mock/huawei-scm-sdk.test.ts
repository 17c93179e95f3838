import 'reflect-metadata';
import { expect, test } from '@playwright/test';
import { webcrypto, X509Certificate as NodeX509 } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { ClientBuilder } from '@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js';
import { GlobalCredentials } from '@huaweicloud/huaweicloud-sdk-core/auth/GlobalCredentials.js';
import type { HcClient } from '@huaweicloud/huaweicloud-sdk-core/HcClient.js';
import { serve, type Served } from '../../mock/host/server.ts';
import { huaweiScm, MOCK_AK, MOCK_SK, type ScmState } from '../../mock/providers/huawei-scm/index.ts';

// The official Node SDK core (AK/SK signing, HcClient over axios) against the mock, and the
// documented X-Auth-Token path with plain fetch. Certificates are real, made here.
const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
x509.cryptoProvider.set(webcrypto as unknown as Crypto);

async function certificate(cn: string) {
  const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: `CN=${cn}`,
    keys,
    signingAlgorithm: EC,
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2027-01-01T00:00:00Z'),
    extensions: [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: cn }])],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { certificate: cert.toString('pem'), private_key: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY') };
}

let served: Served<ScmState>;
test.beforeAll(async () => void (served = await serve(huaweiScm, { strict: true })));
test.afterAll(async () => {
  await served.close();
  expect(served.violations).toEqual([]);
});

function sdk(sk = MOCK_SK): HcClient {
  const client: HcClient = new ClientBuilder((c: HcClient) => c)
    .withEndpoint(served.url)
    .withCredential(new GlobalCredentials().withAk(MOCK_AK).withSk(sk).withDomainId('0970dd7a1300f5672ff2c003c60ae115'))
    .build();
  // The SDK logs every error response (headers and body) to stdout; these tests expect errors.
  (client as unknown as { httpClient: { _logger: { setLevel(l: string): void } } }).httpClient._logger.setLevel('off');
  return client;
}

const send = (client: HcClient, method: string, url: string, extra: { data?: object; query?: object; id?: string } = {}) =>
  client.sendRequest<{ httpStatusCode?: number } & Record<string, any>>({
    method,
    url,
    contentType: 'application/json',
    pathParams: extra.id ? { certificate_id: extra.id } : {},
    queryParams: extra.query ?? {},
    headers: {},
    data: extra.data,
  });

const ONE = '/v3/scm/certificates/{certificate_id}';

test('the SDK signs with AK/SK: import, show, list, delete 204, then show is 400 SCM.0008', async () => {
  const client = sdk();
  const pair = await certificate('sdk.certconform.test');
  const imported = await send(client, 'POST', '/v3/scm/certificates/import', { data: { name: 'sdk-flow', ...pair } });
  expect(imported.httpStatusCode).toBe(200);
  const id = imported.certificate_id as string;
  expect(id).toMatch(/^scs\d{13}$/);

  const shown = await send(client, 'GET', ONE, { id });
  const fingerprint = new NodeX509(pair.certificate).fingerprint.replace(/:/g, '');
  expect(shown).toMatchObject({
    id, name: 'sdk-flow', status: 'UPLOAD', domain: 'sdk.certconform.test', sans: 'sdk.certconform.test',
    domain_type: 'SINGLE_DOMAIN', domain_count: 1, wildcard_count: 0, signature_algorithm: 'SHA256WITHECDSA',
    not_before: '2026-01-01 00:00:00.0', not_after: '2027-01-01 00:00:00.0', validity_period: 12, fingerprint,
  });

  const listed = await send(client, 'GET', '/v3/scm/certificates', { query: { limit: 50, status: 'UPLOAD', content: 'sdk.certconform' } });
  expect(listed.certificates.map((c: { id: string }) => c.id)).toContain(id);
  expect(listed.total_count).toBeGreaterThanOrEqual(1);

  // DELETE as the SDK sends it: Content-Type application/json, no body (HWSCM-DEL-007).
  expect((await send(client, 'DELETE', ONE, { id })).httpStatusCode).toBe(204);
  const error = await send(client, 'GET', ONE, { id }).catch((e) => e);
  expect(error).toMatchObject({ httpStatusCode: 400, errorCode: 'SCM.0008' });
  expect(error.requestId).toMatch(/^[0-9a-f]{32}$/);
  const after = await send(client, 'GET', '/v3/scm/certificates', { query: { limit: 50 } });
  expect(after.certificates.map((c: { id: string }) => c.id)).not.toContain(id);
});

test('the SDK with a wrong secret key gets 401 and changes nothing', async () => {
  const before = served.state.certificates.size;
  const error = await send(sdk('not-the-secret'), 'POST', '/v3/scm/certificates/import', {
    data: { name: 'wrong-sk', ...(await certificate('wrong.certconform.test')) },
  }).catch((e) => e);
  expect(error).toMatchObject({ httpStatusCode: 401, errorCode: 'APIG.0301' });
  expect(served.state.certificates.size).toBe(before);
});

test('the documented X-Auth-Token: import, show, list, delete 204, then show is an error', async () => {
  const headers = { 'content-type': 'application/json', 'x-auth-token': 'T'.repeat(32) };
  const at = (path: string) => `${served.url}/v3/scm/certificates${path}`;
  const pair = await certificate('token.certconform.test');
  const imported = await fetch(at('/import'), { method: 'POST', headers, body: JSON.stringify({ name: 'token-flow', ...pair }) });
  expect(imported.status).toBe(200);
  expect(imported.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  const { certificate_id: id } = (await imported.json()) as { certificate_id: string };

  const shown = await fetch(at(`/${id}`), { headers });
  expect(await shown.json()).toMatchObject({ id, status: 'UPLOAD', domain: 'token.certconform.test' });
  const listed = (await (await fetch(at('?limit=10&sort_dir=ASC'), { headers })).json()) as { certificates: { id: string }[] };
  expect(listed.certificates.map((c) => c.id)).toContain(id);

  const deleted = await fetch(at(`/${id}`), { method: 'DELETE', headers });
  expect(deleted.status).toBe(204);
  expect(await deleted.text()).toBe('');
  const gone = await fetch(at(`/${id}`), { headers });
  expect(gone.status).toBe(400);
  expect(await gone.json()).toMatchObject({ error_code: 'SCM.0008' });
  expect((await fetch(at(`/${id}`), { method: 'DELETE', headers })).status).toBe(400);
});
