import { expect, test } from '@playwright/test';
import { normaliseExchange, type RawExchange } from '../../lib/recording/exchange.ts';
import { Normaliser } from '../../lib/recording/normaliser.ts';
import { registerSecret } from '../../lib/redact.ts';

const ID = 'a'.repeat(8) + '0123456789abcdef'.repeat(3) + 'b'.repeat(8);
const ARN = `arn:aws:iot:eu-west-1:123456789012:cert/${ID}`;
const exchange = (over: Partial<RawExchange>): RawExchange => ({
  operation: 'DeleteCertificate', method: 'DELETE', url: `http://127.0.0.1:4010/certificates/${ID}?forceDelete=true`,
  requestHeaders: { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/x, Signature=abcdef0123456789' }, status: 200, responseText: '', ...over,
});

test('one id is the same placeholder in the path, the body, an ARN and a message; another id gets the next number', () => {
  const norm = new Normaliser('rmx12ab');
  const reg = normaliseExchange(1, exchange({ operation: 'RegisterCertificateWithoutCA', method: 'POST', url: 'http://127.0.0.1:4010/certificate/register-no-ca',
    requestBody: JSON.stringify({ certificatePem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' }),
    responseText: JSON.stringify({ certificateArn: ARN, certificateId: ID }) }), norm, false);
  expect(reg.request.body).toEqual({ certificatePem: '<pem:1>' });
  expect(reg.response.body).toEqual({ certificateArn: 'arn:aws:iot:<region:1>:<account:1>:cert/<hex:1>', certificateId: '<hex:1>' });
  const del = normaliseExchange(2, exchange({ status: 409, code: 'DeleteConflictException',
    responseText: JSON.stringify({ __type: 'DeleteConflictException', message: `Certificate ${ID} is attached to cc-rmx12ab-thing-1`, other: 'f'.repeat(64) }) }), norm, false);
  expect(del.request).toEqual({ method: 'DELETE', path: '/certificates/<hex:1>', query: { forceDelete: 'true' } });
  expect(del.response).toEqual({ status: 409, code: 'DeleteConflictException',
    body: { __type: 'DeleteConflictException', message: 'Certificate <hex:1> is attached to cc-<run>-thing-1', other: '<hex:2>' } });
});

test('names carrying the run id, dates, request ids, epoch times and long values become placeholders; words stay', () => {
  const norm = new Normaliser('rmx12ab');
  expect(norm.json({
    name: 'cc-rmx12ab-web', created: '2026-01-02T10:00:00Z', RequestId: '6C2B0B2E-2F5C-4B1A-9D0B-0C1D2E3F4A5B', updated: 1767348000,
    id: 'https://vault.example.net/certificates/cc-rmx12ab-web/0123456789abcdef0123', status: 'ACTIVE', huge: 'x'.repeat(70000), count: 3,
  })).toEqual({
    name: '<name:1>', created: '<date:1>', RequestId: '<uuid:1>', updated: '<time:1>',
    id: '<origin:1>/certificates/<name:1>/<hex:1>', status: 'ACTIVE', huge: '<70000 chars>', count: 3,
  });
});

test('secrets never reach a recording: signed query, form and JSON members are masked, headers are not kept', () => {
  registerSecret('s3cr3t-session-token-value');
  const norm = new Normaliser();
  const e = normaliseExchange(1, exchange({
    url: 'http://127.0.0.1:4012/?Action=DeleteCaCertificate&Signature=zzz999&AccessKeyId=LTAIabc&SecurityToken=s3cr3t-session-token-value',
    requestHeaders: { 'content-type': 'application/x-www-form-urlencoded', 'x-acs-signature': 'abc' },
    requestBody: 'Sn=42&SignatureNonce=0b1c2d3e-0000-4000-8000-000000000001&Signature=qqq777',
    responseText: JSON.stringify({ sessionToken: 'anything', note: 'token s3cr3t-session-token-value' }),
  }), norm, true);
  const text = JSON.stringify(e);
  for (const secret of ['zzz999', 'LTAIabc', 's3cr3t-session-token-value', 'qqq777', 'anything', 'abcdef0123456789']) expect(text).not.toContain(secret);
  expect(e.request.query).toMatchObject({ Action: 'DeleteCaCertificate', Signature: '[REDACTED]' });
  expect(e.request.body).toMatchObject({ Sn: '42', SignatureNonce: '<uuid:1>', Signature: '[REDACTED]' });
  expect(e.request).not.toHaveProperty('headers');
});
