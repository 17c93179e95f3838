import 'reflect-metadata';
import { expect, test } from '@playwright/test';
import { createPrivateKey, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { loadSpec } from '../../lib/spec/load.ts';
import { validatorFor } from '../../lib/spec/validator.ts';
import { serve, type Served } from '../../mock/host/server.ts';
import { huaweiScm, type ScmState } from '../../mock/providers/huawei-scm/index.ts';

// Every bad request gets a documented status and a HuaweiError body, never a 5xx, and the
// mock keeps serving. Statuses are among those rules/huawei-scm.yaml accepts; where a rule
// accepts several, and for the codes, the test pins the mock's own choice.
const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
x509.cryptoProvider.set(webcrypto as unknown as Crypto);

async function certificate(cn: string) {
  const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({ name: `CN=${cn}`, keys, signingAlgorithm: EC });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { certificate: cert.toString('pem'), private_key: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY') };
}

const spec = loadSpec('huawei-scm');
const ERROR_SCHEMA = `#/components/schemas/${spec.dialect.errorSchema}`;
const TOKEN = 'T'.repeat(32);
const IMPORT = '/v3/scm/certificates/import';

let served: Served<ScmState>;
let pair: { certificate: string; private_key: string };
let other: { certificate: string; private_key: string };
test.beforeAll(async () => {
  served = await serve(huaweiScm, { strict: true });
  [pair, other] = await Promise.all([certificate('bad.certconform.test'), certificate('other.certconform.test')]);
});
test.afterAll(async () => {
  await served.close();
  expect(served.violations).toEqual([]);
});

interface Case {
  name: string;
  method?: string;
  path?: string;
  token?: string | null;
  body?: () => unknown;
  raw?: string;
  status: number[];
  code?: string;
}

const importing = (patch: Record<string, unknown>) => () => ({ name: 'bad-input', ...pair, ...patch });
const cases: Case[] = [
  { name: 'certificate_id of 15 characters', method: 'DELETE', path: '/v3/scm/certificates/scs123456789012', status: [400, 404] },
  { name: 'certificate_id of 17 characters', method: 'DELETE', path: '/v3/scm/certificates/scs12345678901234', status: [400, 404] },
  { name: 'well-formed id that never existed', method: 'DELETE', path: '/v3/scm/certificates/scs0000000000001', status: [400, 404] },
  { name: 'X-Auth-Token of 31 characters', token: 'T'.repeat(31), path: '/v3/scm/certificates', status: [401], code: 'APIG.0301' },
  { name: 'no credentials (delete)', token: null, method: 'DELETE', path: '/v3/scm/certificates/scs0000000000001', status: [401] },
  { name: 'no credentials (import)', token: null, method: 'POST', body: importing({}), status: [401] },
  { name: 'malformed JSON', method: 'POST', raw: '{"name": "x", ', status: [400], code: 'SCM.0005' },
  { name: 'a name breaking the pattern', method: 'POST', body: importing({ name: 'bad name!' }), status: [400], code: 'SCM.0005' },
  { name: 'a name of 2 characters', method: 'POST', body: importing({ name: 'ab' }), status: [400], code: 'SCM.0005' },
  { name: 'PEM over the documented size', method: 'POST', body: () => ({ ...importing({})(), certificate: `${pair.certificate}${'A'.repeat(4096)}` }), status: [400], code: 'SCM.0005' },
  { name: 'garbage PEM', method: 'POST', body: importing({ certificate: 'certainly not a certificate' }), status: [400], code: 'SCM.0053' },
  { name: 'PEM armour around garbage', method: 'POST', body: importing({ certificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' }), status: [400], code: 'SCM.0006' },
  { name: 'empty certificate', method: 'POST', body: importing({ certificate: '' }), status: [400], code: 'SCM.0054' },
  { name: 'a key not matching the certificate', method: 'POST', body: () => importing({ private_key: other.private_key })(), status: [400], code: 'SCM.0012' },
  { name: 'a garbage private key', method: 'POST', body: importing({ private_key: 'no key here' }), status: [400], code: 'SCM.0012' },
  {
    name: 'a passphrase-protected key',
    method: 'POST',
    body: () => importing({ private_key: createPrivateKey(pair.private_key).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }) })(),
    status: [400],
    code: 'SCM.0114',
  },
  { name: 'a limit other than 10/20/50', path: '/v3/scm/certificates?limit=7', status: [400], code: 'SCM.0005' },
  { name: 'a negative offset', path: '/v3/scm/certificates?offset=-1', status: [400], code: 'SCM.0005' },
  { name: 'an unknown path', path: '/v3/scm/nothing-here', status: [404] },
  { name: 'an unknown method', method: 'PUT', path: '/v3/scm/certificates/scs0000000000001', status: [404] },
];

for (const c of cases) {
  test(`${c.name}: ${c.status.join(' or ')}${c.code ? ` ${c.code}` : ''}`, async () => {
    const before = served.state.certificates.size;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (c.token !== null) headers['x-auth-token'] = c.token ?? TOKEN;
    const body = c.raw ?? (c.body ? JSON.stringify(c.body()) : undefined);
    const res = await fetch(`${served.url}${c.path ?? IMPORT}`, { method: c.method ?? 'GET', headers, body });
    expect(c.status).toContain(res.status);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    const json = await res.json();
    expect(validatorFor(spec).validate(ERROR_SCHEMA, json).errors).toEqual([]);
    if (c.code) expect(json.error_code).toBe(c.code);
    expect(served.state.certificates.size).toBe(before);
    // The mock keeps serving: a good request right after still works.
    const ok = await fetch(`${served.url}/v3/scm/certificates`, { headers: { 'x-auth-token': TOKEN } });
    expect(ok.status).toBe(200);
  });
}
