import { Sha256 } from '@aws-crypto/sha256-js';
import { expect, test } from '@playwright/test';
import { SignatureV4 } from '@smithy/signature-v4';
import { errorCodeOf } from '../../lib/spec/dialect.ts';
import { loadSpec, operation } from '../../lib/spec/load.ts';
import { get } from '../../lib/spec/pointer.ts';
import { validatorFor } from '../../lib/spec/validator.ts';
import { serve, type Served } from '../../mock/host/server.ts';
import { awsIot, MOCK_CREDENTIALS, type IotState } from '../../mock/providers/aws-iot/index.ts';

/**
 * Bad input and bad signatures over raw HTTP: each gets its documented error in the AWS
 * dialect, never a 5xx, and the next well-formed request is served as usual.
 */
const spec = loadSpec('aws-iot');
const schema = (name: string) => get(spec.doc, `#/components/schemas/${name}`) as Record<string, number>;

interface Req {
  region?: string;
  service?: string;
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  credentials?: typeof MOCK_CREDENTIALS;
}

let served: Served<IotState>;
test.beforeAll(async () => (served = await serve(awsIot, { strict: true })));
test.afterAll(async () => served?.close());
test.afterEach(async () => {
  await stillServes();
  expect(served.violations, 'strict mode found replies the spec does not document').toEqual([]);
});

/** After any refusal, a well-formed request is served as usual. */
async function stillServes() {
  expect((await send({ method: 'GET', path: '/certificates' })).status).toBe(200);
}

/** Signs as the SDK does (AWS's signer, path URI-escaped, x-amz-content-sha256) and sends. */
async function sign(r: Req): Promise<Record<string, string>> {
  const url = new URL(served.url);
  const credentials = r.credentials ?? MOCK_CREDENTIALS;
  const region = r.region ?? 'us-east-1';
  const signer = new SignatureV4({ service: r.service ?? 'iot', region, credentials, sha256: Sha256, uriEscapePath: true, applyChecksum: true });
  const headers = { host: url.host, ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}), ...r.headers };
  const request = { method: r.method, protocol: 'http:', hostname: url.hostname, path: r.path, query: r.query ?? {}, headers, body: r.body };
  const signed = await signer.sign(request);
  return signed.headers as Record<string, string>;
}

async function send(r: Req, headers?: Record<string, string>) {
  const url = new URL(r.path, served.url);
  for (const [k, v] of Object.entries(r.query ?? {})) url.searchParams.set(k, v);
  const { host: _host, ...sent } = headers ?? (await sign(r));
  const res = await fetch(url, { method: r.method, headers: sent, body: r.body });
  expect(res.status, 'the mock never answers 5xx').toBeLessThan(500);
  expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
  const text = await res.text();
  return { status: res.status, headers: Object.fromEntries(res.headers), body: text ? JSON.parse(text) : undefined };
}

/** The reply is the documented error of `opId` at `status`, in the AWS dialect. */
function expectError(reply: Awaited<ReturnType<typeof send>>, opId: string, status: number, code: string) {
  expect(reply.status).toBe(status);
  expect(reply.headers['x-amzn-errortype']).toBe(code);
  expect(errorCodeOf(spec, reply.headers, reply.body)).toBe(code);
  const at = operation(spec, opId).responses.get(String(status))!.content[0]!.schemaAt!;
  expect(validatorFor(spec).validate(at, reply.body)).toEqual({ ok: true, errors: [] });
}

const certPath = (id: string) => `/certificates/${id}`;
const validId = 'a'.repeat(schema('CertificateId').maxLength!);

test('a certificate id one character short is InvalidRequestException', async () => {
  const reply = await send({ method: 'DELETE', path: certPath(validId.slice(1)) });
  expectError(reply, 'DeleteCertificate', 400, 'InvalidRequestException');
  expect(reply.body.message).toContain('certificateId');
  expectError(await send({ method: 'DELETE', path: certPath(validId) }), 'DeleteCertificate', 404, 'ResourceNotFoundException');
});

test('malformed JSON and an over-long PEM are InvalidRequestException', async () => {
  const path = '/certificate/register-no-ca';
  const before = served.state.certificates.size;
  expectError(await send({ method: 'POST', path, body: '{"certificatePem": ' }), 'RegisterCertificateWithoutCA', 400, 'InvalidRequestException');
  const tooLong = '-'.repeat(schema('CertificatePem').maxLength! + 1);
  const reply = await send({ method: 'POST', path, body: JSON.stringify({ certificatePem: tooLong }) });
  expectError(reply, 'RegisterCertificateWithoutCA', 400, 'InvalidRequestException');
  expect(served.state.certificates.size).toBe(before);
});

test('a missing, wrong or foreign signature is UnauthorizedException', async () => {
  const list = { method: 'GET', path: '/certificates' };
  const good = await sign(list);
  const { authorization: _a, ...unsigned } = good;
  const flipped = good.authorization!.replace(/Signature=(.)/, (_m, c: string) => `Signature=${c === '0' ? '1' : '0'}`);
  const cases: Record<string, Record<string, string>> = {
    missing: unsigned,
    wrong: { ...good, authorization: flipped },
    malformed: { ...good, authorization: 'AWS4-HMAC-SHA256 Credential=nonsense' },
    'unknown key': await sign({ ...list, credentials: { accessKeyId: 'AKIDSOMEONEELSE', secretAccessKey: 'x' } }),
    'other query': good, // sent below with a query the signature does not cover
  };
  for (const [name, headers] of Object.entries(cases)) {
    const reply = await send(name === 'other query' ? { ...list, query: { pageSize: '1' } } : list, headers);
    expect(reply.status, name).toBe(401);
    expectError(reply, 'ListCertificates', 401, 'UnauthorizedException');
    await stillServes();
  }
});

test('a body changed after signing is refused and nothing is registered', async () => {
  const path = '/certificate/register-no-ca';
  const before = served.state.certificates.size;
  const headers = await sign({ method: 'POST', path, body: '{"certificatePem":"a"}' });
  const reply = await send({ method: 'POST', path, body: '{"certificatePem":"b"}' }, headers);
  expectError(reply, 'RegisterCertificateWithoutCA', 401, 'UnauthorizedException');
  expect(served.state.certificates.size).toBe(before);
});

test('any region and either signing name are accepted; the ARN names the signed region', async () => {
  // The spec's own example certificate (a real one), so this file needs no generator.
  const at = '#/paths/~1certificate~1register-no-ca/post/requestBody/content/application~1json/example';
  const example = get(spec.doc, at) as { certificatePem: string };
  const r = { method: 'POST', path: '/certificate/register-no-ca', body: JSON.stringify({ certificatePem: example.certificatePem }) };
  const reply = await send({ ...r, region: 'ap-southeast-2', service: 'execute-api' });
  expect(reply.status).toBe(200);
  expect(reply.body.certificateArn).toMatch(/^arn:aws:iot:ap-southeast-2:123456789012:cert\/[0-9a-f]{64}$/);
  const del = { method: 'DELETE', path: certPath(reply.body.certificateId) };
  expect((await send({ ...del, service: 's3' })).status, 'another service is refused').toBe(401);
  expect((await send({ ...del, region: 'eu-north-1' })).status).toBe(200);
});

/** Unknown paths and methods get InvalidRequestException: the error every operation documents. */
test('odd but signed requests get documented answers in the AWS dialect, never a 5xx', async () => {
  const invalidReq = [400, 'InvalidRequestException'] as const;
  const missing = [404, 'ResourceNotFoundException'] as const;
  const cases: [Req, readonly [number, string?]][] = [
    [{ method: 'GET', path: '/no-such-thing' }, invalidReq],
    [{ method: 'PATCH', path: certPath(validId) }, invalidReq],
    [{ method: 'GET', path: '/certificates/%ZZ' + 'a'.repeat(61) }, invalidReq],
    [{ method: 'POST', path: '/attached-policies/%E0%A4%A' }, invalidReq], // a broken %-escape: the whole target is refused
    [{ method: 'POST', path: '/attached-policies/cognito-identity-id' }, missing],
    [{ method: 'GET', path: '/certificates', headers: { 'x-large': 'h'.repeat(12_000) } }, [200]], // above 16 KiB: InvalidRequestException (mock/host/limits.ts)
    [{ method: 'GET', path: '/certificates', query: { pageSize: '0', marker: '!!', isAscendingOrder: 'maybe' } }, invalidReq],
    [{ method: 'GET', path: '/certificates', query: { marker: 'bm90IG91cnM=' } }, invalidReq],
    [{ method: 'PUT', path: certPath(validId), query: { newStatus: 'BOGUS' } }, invalidReq],
    [{ method: 'DELETE', path: certPath(validId), query: { forceDelete: 'yes' } }, invalidReq],
    [{ method: 'POST', path: '/certificate/register-no-ca', body: 'null' }, invalidReq],
    [{ method: 'POST', path: '/certificate/register-no-ca', body: '{"certificatePem":{"nested":[1,2]}}' }, invalidReq],
    [{ method: 'POST', path: '/things/th%C3%A9', body: '{}' }, invalidReq],
    [{ method: 'POST', path: '/things/typed-thing', body: '{"thingTypeName":"none"}' }, missing],
    [{ method: 'GET', path: '/things/no-thing/principals', query: { nextToken: 'garbage' } }, missing],
    [{ method: 'GET', path: '/principals/things' }, invalidReq],
    [{ method: 'PUT', path: '/target-policies/nope', body: '{"target":"x"}' }, missing],
    [{ method: 'POST', path: '/target-policies/nope', body: '{"target":"x"}' }, [200]], // detaching nothing is a no-op
    [{ method: 'POST', path: '/policies/p', body: '{"policyDocument":"[1"}' }, [400, 'MalformedPolicyException']],
  ];
  for (const [r, [status, code]] of cases) {
    const reply = await send(r);
    await stillServes();
    expect(reply.status, `${r.method} ${r.path}`).toBe(status);
    if (!code) continue;
    expect(errorCodeOf(spec, reply.headers, reply.body), `${r.method} ${r.path}`).toBe(code);
    expect(reply.body.__type).toBe(code);
    expect(validatorFor(spec).validate(`#/components/schemas/${spec.dialect.errorSchema}`, reply.body).ok).toBe(true);
  }
  const proto = await sign({ method: 'GET', path: '/certificates' });
  proto.authorization = proto.authorization!.replace('SignedHeaders=', 'SignedHeaders=__proto__;');
  expect((await send({ method: 'GET', path: '/certificates' }, proto)).status).toBe(401);
});
