import { expect, test } from '@playwright/test';
import { CertificateClient } from '@azure/keyvault-certificates';
import { answerChallenge, parseChallenge, staticToken, tokenFromEnv, type TokenCredentialLike } from '../../suites/support/signing/azure.ts';
import { captureServer } from './capture.ts';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CHALLENGE = `Bearer authorization="https://login.windows.net/${TENANT}", resource="https://vault.azure.net"`;

test('azure-keyvault: the challenge answer equals what @azure/keyvault-certificates sends', async () => {
  const server = await captureServer((c, res) => {
    if (!c.headers.authorization) {
      res.writeHead(401, { 'www-authenticate': CHALLENGE, 'content-type': 'application/json' });
      return res.end('{"error":{"code":"Unauthorized","message":"no token"}}');
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `${server.origin}/certificates/c1/0123456789abcdef`, attributes: { enabled: true } }));
  });
  try {
    const asked: { scopes: string | string[]; tenantId?: string }[] = [];
    const credential: TokenCredentialLike = {
      getToken: async (scopes, options) => {
        asked.push({ scopes, tenantId: options?.tenantId });
        return { token: 'sdk-token-1', expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    const client = new CertificateClient(server.origin, credential, {
      serviceVersion: '7.0', allowInsecureConnection: true, disableChallengeResourceVerification: true, retryOptions: { maxRetries: 0 },
    });
    await client.getCertificate('c1');
    expect(server.requests.map((r) => r.headers.authorization ?? null)).toEqual([null, 'Bearer sdk-token-1']);
    const challenge = parseChallenge(CHALLENGE)!;
    expect([challenge.scope]).toEqual(asked[0]!.scopes);
    expect(challenge.tenantId).toBe(asked[0]!.tenantId);
    const ours = await answerChallenge({ method: 'GET', url: server.origin + server.requests[1]!.path, headers: {} }, CHALLENGE, staticToken('sdk-token-1'));
    expect(ours.headers.Authorization).toBe(server.requests[1]!.headers.authorization);
  } finally {
    await server.close();
  }
});

test('azure-keyvault: scope falls back to the challenge scope; no challenge is undefined', () => {
  expect(parseChallenge('Bearer authorization_uri="https://login.example/t1/oauth2", scope="https://vault.example/.default"')).toMatchObject({
    scope: 'https://vault.example/.default',
    tenantId: 't1',
  });
  expect(parseChallenge('Bearer realm="x"')).toBeUndefined();
  expect(parseChallenge(undefined)).toBeUndefined();
});

test('azure-keyvault: tokenFromEnv reads the variable and names it when missing', async () => {
  process.env.CERTCONFORM_TEST_TOKEN = 'env-token';
  expect((await tokenFromEnv('CERTCONFORM_TEST_TOKEN').getToken('s'))!.token).toBe('env-token');
  delete process.env.CERTCONFORM_TEST_TOKEN;
  expect(() => tokenFromEnv('CERTCONFORM_TEST_TOKEN')).toThrow(/CERTCONFORM_TEST_TOKEN/);
});
