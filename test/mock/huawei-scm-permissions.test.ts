import 'reflect-metadata';
import { expect, test } from '@playwright/test';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { GlobalCredentials } from '@huaweicloud/huaweicloud-sdk-core/auth/GlobalCredentials.js';
import { serve, type Served } from '../../mock/host/server.ts';
import { createHuaweiScm, huaweiScm, MOCK_AK, MOCK_SK, NARROW_AK, NARROW_SK, NARROW_TOKEN, type ScmState } from '../../mock/providers/huawei-scm/index.ts';
import { huaweiImportBody } from '../../suites/support/certs/import-bodies.ts';
import { domainCert } from '../../suites/huawei-scm/support/certs.ts';

// The permission model: the narrow IAM user (AK/SK pair and token) lacks scm:cert:delete and
// nothing else. Its DeleteCertificate is 403 and changes nothing; its reads and imports pass.
const FULL_TOKEN = 'f'.repeat(40);
const CERTS = '/v3/scm/certificates';
let served: Served<ScmState>;
test.beforeAll(async () => void (served = await serve(huaweiScm, { strict: true })));
test.afterAll(async () => {
  await served.close();
  expect(served.violations).toEqual([]);
});

type Auth = { token: string } | { ak: string; sk: string };
async function call(method: string, path: string, auth: Auth, data?: object): Promise<{ status: number; body: Record<string, string> }> {
  let headers: Record<string, string> = { 'content-type': 'application/json' };
  if ('token' in auth) headers['X-Auth-Token'] = auth.token;
  else {
    const request = { endpoint: `${served.url}${path}`, method, headers, queryParams: {}, data };
    headers = AKSKSigner.sign(request, new GlobalCredentials().withAk(auth.ak).withSk(auth.sk)) as Record<string, string>;
    delete headers.host;
  }
  const res = await fetch(`${served.url}${path}`, { method, headers, body: data && JSON.stringify(data) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}

async function imported(auth: Auth = { token: FULL_TOKEN }): Promise<string> {
  const r = await call('POST', `${CERTS}/import`, auth, huaweiImportBody(`perm-${Date.now()}`, await domainCert()));
  expect(r.status).toBe(200);
  return r.body.certificate_id!;
}

const NARROW: [string, Auth][] = [['AK/SK', { ak: NARROW_AK, sk: NARROW_SK }], ['X-Auth-Token', { token: NARROW_TOKEN }]];

for (const [how, auth] of NARROW) {
  test(`the narrow user (${how}) is refused DeleteCertificate with 403 and the certificate stays`, async () => {
    const id = await imported();
    const del = await call('DELETE', `${CERTS}/${id}`, auth);
    expect([del.status, del.body.error_code]).toEqual([403, 'APIG.0302']);
    expect(del.body.error_msg).toContain('scm:cert:delete');
    expect((await call('GET', `${CERTS}/${id}`, { token: FULL_TOKEN })).status).toBe(200);
    expect((await call('DELETE', `${CERTS}/${id}`, { token: FULL_TOKEN })).status).toBe(204);
  });

  test(`the narrow user (${how}) reads, lists and imports like any other`, async () => {
    const id = await imported(auth);
    expect((await call('GET', `${CERTS}/${id}`, auth)).status).toBe(200);
    expect((await call('GET', CERTS, auth)).status).toBe(200);
    expect((await call('DELETE', `${CERTS}/${id}`, { ak: MOCK_AK, sk: MOCK_SK })).status).toBe(204);
  });
}

test('a bad signature with the narrow AK is 401, not 403: authentication comes first', async () => {
  const id = await imported();
  expect((await call('DELETE', `${CERTS}/${id}`, { ak: NARROW_AK, sk: 'not-the-narrow-sk' })).status).toBe(401);
});

test('the module advertises both narrow credentials; a fixed token list still admits the narrow token', async () => {
  expect(huaweiScm.credentials).toMatchObject({ narrowAk: NARROW_AK, narrowSk: NARROW_SK, narrowXAuthToken: NARROW_TOKEN });
  const fixed = await serve(createHuaweiScm({ tokens: [FULL_TOKEN] }), { strict: true });
  try {
    const res = await fetch(`${fixed.url}${CERTS}/scs0000000000001`, { method: 'DELETE', headers: { 'X-Auth-Token': NARROW_TOKEN } });
    expect(res.status).toBe(403);
    const other = await fetch(`${fixed.url}${CERTS}/scs0000000000001`, { method: 'DELETE', headers: { 'X-Auth-Token': 'o'.repeat(40) } });
    expect(other.status).toBe(401);
  } finally {
    await fixed.close();
  }
});
