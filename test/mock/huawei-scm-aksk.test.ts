import { expect, test } from '@playwright/test';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { GlobalCredentials } from '@huaweicloud/huaweicloud-sdk-core/auth/GlobalCredentials.js';
import { serve, type Served } from '../../mock/host/server.ts';
import { createHuaweiScm, huaweiScm, MOCK_AK, MOCK_SK, type ScmState } from '../../mock/providers/huawei-scm/index.ts';

// Requests signed with the SDK's own AKSKSigner and sent with fetch, so that each part of
// the signed request can be changed after signing: the mock must notice every change.
let served: Served<ScmState>;
test.beforeAll(async () => void (served = await serve(huaweiScm, { strict: true })));
test.afterAll(async () => {
  await served.close();
  expect(served.violations).toEqual([]);
});

interface Signed {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

function sign(method: string, path: string, query: Record<string, string> = {}, data?: object, ak = MOCK_AK, sk = MOCK_SK): Signed {
  const qs = new URLSearchParams(query).toString();
  const request = { endpoint: `${served.url}${path}`, method, headers: { 'content-type': 'application/json' }, queryParams: query, data };
  const headers = AKSKSigner.sign(request, new GlobalCredentials().withAk(ak).withSk(sk)) as Record<string, string>;
  delete headers.host; // fetch sends the same Host itself
  return { url: `${served.url}${path}${qs ? `?${qs}` : ''}`, method, headers, body: data && JSON.stringify(data) };
}

async function status(s: Signed): Promise<{ status: number; code?: string }> {
  const res = await fetch(s.url, { method: s.method, headers: s.headers, body: s.body });
  const text = await res.text();
  return { status: res.status, code: text ? (JSON.parse(text) as { error_code?: string }).error_code : undefined };
}

const LIST = '/v3/scm/certificates';

test('an untouched signed request is authenticated, query included', async () => {
  expect(await status(sign('GET', LIST, { limit: '20', sort_dir: 'ASC', content: 'a b/c' }))).toEqual({ status: 200, code: undefined });
});

test('a signed request changed after signing is 401 APIG.0301', async () => {
  const denied = { status: 401, code: 'APIG.0301' };
  const base = () => sign('GET', LIST, { limit: '10' });
  expect(await status({ ...base(), url: `${served.url}${LIST}?limit=20` })).toEqual(denied);
  expect(await status({ ...base(), url: `${served.url}/v3/scm/certificates/scs0000000000001` })).toEqual(denied);
  const redated = base();
  redated.headers['X-Sdk-Date'] = '20200101T000000Z';
  expect(await status(redated)).toEqual(denied);
  const body = sign('POST', '/v3/scm/certificates/import', {}, { name: 'abc', certificate: 'x', private_key: 'y' });
  expect(await status({ ...body, body: body.body!.replace('abc', 'abd') })).toEqual(denied);
});

test('unknown AK, missing date, foreign scheme and a bare token-less request are 401', async () => {
  expect((await status(sign('GET', LIST, {}, undefined, 'SOMEOTHERAK'))).status).toBe(401);
  const undated = sign('GET', LIST);
  delete undated.headers['X-Sdk-Date'];
  expect((await status(undated)).status).toBe(401);
  expect((await status({ url: `${served.url}${LIST}`, method: 'GET', headers: { authorization: 'Bearer abc' } })).status).toBe(401);
  expect((await status({ url: `${served.url}${LIST}`, method: 'GET', headers: {} })).status).toBe(401);
});

test('configured credentials and tokens replace the defaults; a foreign X-Domain-Id is 403', async () => {
  const own = await serve(
    createHuaweiScm({ tokens: ['A'.repeat(40)], credentials: [{ ak: 'OWNAK', sk: 'own-sk', domainId: 'd'.repeat(32) }] }),
    { strict: true },
  );
  try {
    const get = (headers: Record<string, string>) => fetch(`${own.url}${LIST}`, { headers }).then((r) => r.status);
    expect(await get({ 'x-auth-token': 'A'.repeat(40) })).toBe(200);
    expect(await get({ 'x-auth-token': 'B'.repeat(40) })).toBe(401);
    const signed = (domain: string) => {
      const request = { endpoint: `${own.url}${LIST}`, method: 'GET', headers: { 'X-Domain-Id': domain }, queryParams: {} };
      const h = AKSKSigner.sign(request, new GlobalCredentials().withAk('OWNAK').withSk('own-sk')) as Record<string, string>;
      delete h.host;
      return h;
    };
    expect(await get(signed('d'.repeat(32)))).toBe(200);
    expect(await get(signed('e'.repeat(32)))).toBe(403);
    expect(own.violations).toEqual([]);
  } finally {
    await own.close();
  }
});
