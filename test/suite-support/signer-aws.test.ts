import { expect, test } from '@playwright/test';
import { DeleteCertificateCommand, IoTClient, RegisterCertificateCommand } from '@aws-sdk/client-iot';
import { signAwsSigV4 } from '../../suites/support/signing/aws-sigv4.ts';
import { captureServer, signedHeaders, type Captured } from './capture.ts';

// Known and recorded in the reference (§1.5): SDK releases after Jan 2027 need Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session-tok/+=' };
const region = 'eu-west-1';

/** X-Amz-Date (`20261123T160112Z`) as a Date. */
const amzDate = (s: string) => new Date(s.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));

/** Re-signs the captured request's own inputs (the SDK's clock cannot be pinned exactly). */
async function resign(origin: string, c: Captured) {
  const auth = String(c.headers.authorization);
  const list = /SignedHeaders=([^,]+)/.exec(auth)![1]!;
  const headers = signedHeaders(c, list);
  // The signer must produce these itself; passing them in would let a broken signer pass.
  for (const h of ['x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256']) delete headers[h];
  return signAwsSigV4(
    { method: c.method, url: origin + c.path, headers, body: c.body || undefined },
    { region, credentials, date: amzDate(String(c.headers['x-amz-date'])) },
  );
}

test('aws-iot: our SigV4 signature equals @aws-sdk/client-iot for the same request and time', async () => {
  const server = await captureServer();
  try {
    const client = new IoTClient({ region, endpoint: server.origin, credentials, maxAttempts: 1 });
    await client.send(new DeleteCertificateCommand({ certificateId: 'ab'.repeat(32), forceDelete: true }));
    await client.send(new RegisterCertificateCommand({ certificatePem: '-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----\n', setAsActive: true }));
    expect(server.requests).toHaveLength(2);
    for (const c of server.requests) {
      const ours = await resign(server.origin, c);
      expect(ours.headers.authorization).toBe(c.headers.authorization);
      expect(ours.headers['x-amz-content-sha256']).toBe(c.headers['x-amz-content-sha256']);
      expect(ours.headers['x-amz-security-token']).toBe(credentials.sessionToken);
    }
  } finally {
    await server.close();
  }
});

test('aws-iot: a fixed clock gives a fixed signature, and the body is signed', async () => {
  const req = { method: 'POST', url: 'https://iot.eu-west-1.amazonaws.com/cacertificate', headers: { 'content-type': 'application/json' }, body: '{"a":1}' };
  const date = new Date('2024-01-02T03:04:05Z');
  const a = await signAwsSigV4(req, { region, credentials, date });
  const b = await signAwsSigV4(req, { region, credentials, date });
  const c = await signAwsSigV4({ ...req, body: '{"a":2}' }, { region, credentials, date });
  expect(a.headers.authorization).toBe(b.headers.authorization);
  expect(a.headers.authorization).toContain('Credential=AKIDEXAMPLE/20240102/eu-west-1/iot/aws4_request');
  expect(a.headers['x-amz-date']).toBe('20240102T030405Z');
  expect(c.headers.authorization).not.toBe(a.headers.authorization);
});
