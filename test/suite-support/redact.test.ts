import { expect, test } from '@playwright/test';
import { signAlibabaV1, signAlibabaV3 } from '../../suites/support/signing/alibaba.ts';
import { signAwsSigV4 } from '../../suites/support/signing/aws-sigv4.ts';
import { withBearer } from '../../suites/support/signing/azure.ts';
import { signHuawei, withAuthToken } from '../../suites/support/signing/huawei.ts';
import { clearSecrets, MASK, redactHeaders, redactJson, redactText, redactUrl, registerSecret } from '../../lib/redact.ts';
import { secretsOf, redactTarget, scrub } from '../../mock/proxy/redact.ts';
import { toCurl } from '../../suites/support/http/curl.ts';
import type { SignableRequest } from '../../suites/support/signing/request.ts';

const SECRET = 'topsecret-KEY/with+chars';
const TOKEN = 'sts-session-token-0123456789';
const date = new Date('2024-01-02T03:04:05Z');

/** A curl command line as the failure reports print it. */
const curl = (r: SignableRequest) =>
  `curl -X ${r.method} '${r.url}' ${Object.entries(r.headers).map(([k, v]) => `-H '${k}: ${v}'`).join(' ')}` +
  (r.body ? ` --data '${String(r.body)}'` : '');

async function signedRequests(): Promise<SignableRequest[]> {
  const base = { method: 'POST', url: 'https://x.example/?MqttInstanceId=i1', headers: { 'content-type': 'application/json' }, body: '{"a":1}' };
  return [
    await signAwsSigV4(base, { region: 'eu-west-1', credentials: { accessKeyId: 'AKIDREDACTME', secretAccessKey: SECRET, sessionToken: TOKEN }, date }),
    signAlibabaV1({ ...base, body: undefined }, { credentials: { accessKeyId: 'LTAIREDACTME', accessKeySecret: SECRET, securityToken: TOKEN }, date }),
    signAlibabaV3(base, { credentials: { accessKeyId: 'LTAIREDACTME', accessKeySecret: SECRET, securityToken: TOKEN }, date }),
    signHuawei(base, { credentials: { ak: 'HWAKREDACTME', sk: SECRET, securityToken: TOKEN }, date }),
    withAuthToken(base, TOKEN),
    withBearer(base, TOKEN),
  ];
}

/** Everything secret a signed request carries: the token, the secret key, signatures, key ids. */
function secretsIn(r: SignableRequest): string[] {
  const text = curl(r);
  const sigs = [...text.matchAll(/Signature=([^,&\s']+)/g)].map((m) => m[1]!);
  return [TOKEN, SECRET, ...sigs, ...sigs.map((s) => decodeURIComponent(s)), ...(text.match(/(?:AKID|LTAI|HWAK)REDACTME/g) ?? [])];
}

test.afterEach(() => clearSecrets());

test('redaction: signed requests of every provider leave no secret in headers, URLs, JSON or curl', async () => {
  registerSecret(SECRET);
  for (const r of await signedRequests()) {
    const leaks = secretsIn(r);
    expect(leaks.length).toBeGreaterThan(1);
    const outputs = [curl(r), redactUrl(r.url), JSON.stringify(redactHeaders(r.headers)), JSON.stringify(redactJson(r))].map((o, i) =>
      i === 0 ? redactText(o) : o,
    );
    for (const out of outputs) for (const s of leaks) expect(out, `leaked ${s}`).not.toContain(s);
  }
});

test('redaction: each kind of secret is masked in its own form', () => {
  registerSecret(SECRET);
  expect(redactHeaders({ Authorization: 'AWS4-HMAC-SHA256 Credential=A/1, Signature=ff', 'X-Auth-Token': 't', 'X-Amz-Security-Token': 't', 'x-acs-security-token': 't', Accept: 'json' }))
    .toEqual({ Authorization: MASK, 'X-Auth-Token': MASK, 'X-Amz-Security-Token': MASK, 'x-acs-security-token': MASK, Accept: 'json' });
  expect(redactUrl('https://h/?Action=A&SecurityToken=abc&Signature=s%2Bg%3D&AccessKeyId=LTAI&SignatureNonce=n1'))
    .toBe(`https://h/?Action=A&SecurityToken=${MASK}&Signature=${MASK}&AccessKeyId=${MASK}&SignatureNonce=n1`);
  expect(redactUrl('https://b.s3/k?X-Amz-Credential=AK%2F1&X-Amz-Signature=abc&X-Amz-Security-Token=t&x=1'))
    .toBe(`https://b.s3/k?X-Amz-Credential=${MASK}&X-Amz-Signature=${MASK}&X-Amz-Security-Token=${MASK}&x=1`);
  expect(redactJson({ credentials: { sessionToken: 't', secretAccessKey: SECRET, region: 'r' }, note: `key ${SECRET} here`, n: 1 }))
    .toEqual({ credentials: { sessionToken: MASK, secretAccessKey: MASK, region: 'r' }, note: `key ${MASK} here`, n: 1 });
  expect(redactText('{"Authorization":"Bearer eyJ.abc.def","ok":true}')).toBe(`{"Authorization":"${MASK}","ok":true}`);
  expect(redactText('then Bearer eyJhbGciOi.x.y failed')).toBe(`then Bearer ${MASK} failed`);
  expect(redactText('SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=abc123'))
    .toBe(`SDK-HMAC-SHA256 Access=${MASK}, SignedHeaders=host;x-sdk-date, Signature=${MASK}`);
});

test('redaction: text without secrets is unchanged', () => {
  const plain = [
    "curl -X DELETE 'https://iot.eu-west-1.amazonaws.com/certificates/ab12?forceDelete=true' -H 'x-amz-date: 20240102T030405Z'",
    'SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&SignatureNonce=abc&Timestamp=2024-01-02T03:04:05Z',
    'Received: 404 ResourceNotFoundException / Documented: 200 | 409 DeleteConflictException',
    'WWW-Authenticate: Bearer authorization="https://login.windows.net/t", resource="https://vault.azure.net"',
    '{"certificateId":"3f9a","status":"INACTIVE","X-Sdk-Date":"20240102T030405Z"}',
  ];
  for (const p of plain) expect(redactText(p)).toBe(p);
  expect(redactJson({ status: 'ACTIVE', list: [1, 'two'] })).toEqual({ status: 'ACTIVE', list: [1, 'two'] });
  expect(redactHeaders({ 'content-type': 'application/json', 'x-sdk-date': '20240102T030405Z' })).toEqual({ 'content-type': 'application/json', 'x-sdk-date': '20240102T030405Z' });
});

test('toCurl redacts a body over the clip length before clipping it', async () => {
  registerSecret(SECRET);
  const pad = 'x'.repeat(5000);
  const body = JSON.stringify({ a: `${SECRET}`, pad, sessionToken: TOKEN, late: `then ${SECRET}` });
  const [signed] = await signedRequests();
  const line = toCurl({ ...signed!, body });
  expect(line).toContain('...(');
  for (const s of [SECRET, TOKEN, ...secretsIn(signed!)]) expect(line, `leaked ${s}`).not.toContain(s);
  // Cut at the clip point, a secret's first characters must not survive either.
  const cut = toCurl({ method: 'POST', url: 'https://h/', headers: {}, body: `${'y'.repeat(4090)}${SECRET}` });
  expect(cut).not.toContain(SECRET.slice(0, 6));
});

test('the proxy masks the values its request carried and every secret name the suite masks', () => {
  const wire = {
    headers: { authorization: 'SDK-HMAC-SHA256 Access=AK1, Signature=abcdef123456', 'x-acs-signature': 'sigvalue123', host: 'h' },
    query: [['Signature', 'qsig%2Bvalue'], ['Action', 'A']] as [string, string][],
    rawBody: Buffer.from(''),
  } as unknown as Parameters<typeof secretsOf>[0];
  const secrets = secretsOf(wire);
  expect(secrets).toContain('sigvalue123');
  expect(scrub('echo sigvalue123 and Bearer abc.def.ghi', secrets)).toBe(`echo ${MASK} and Bearer ${MASK}`);
  expect(redactTarget('/?Action=A&Signature=qsig%2Bvalue&X%2DAmz%2DSignature=zz', secrets)).toBe(`/?Action=A&Signature=${MASK}&X%2DAmz%2DSignature=${MASK}`);
});
