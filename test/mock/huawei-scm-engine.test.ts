import 'reflect-metadata';
import { expect, test } from '@playwright/test';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { loadSpec } from '../../lib/spec/load.ts';
import { validatorFor } from '../../lib/spec/validator.ts';
import { ApiError } from '../../mock/host/api-error.ts';
import { deleteCertificate, importCertificate, listCertificates, showCertificate } from '../../mock/providers/huawei-scm/engine.ts';
import { reset, snapshot } from '../../mock/providers/huawei-scm/index.ts';
import { createState } from '../../mock/providers/huawei-scm/state.ts';

// The engine without HTTP: semantics the host cannot check from the spec alone.
const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const RSA = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-384' };
x509.cryptoProvider.set(webcrypto as unknown as Crypto);
const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T00:00:00Z');

interface Made { pem: string; key: string; cert: x509.X509Certificate; keys: CryptoKeyPair }
async function make(name: string, o: { sans?: string[]; issuer?: Made; alg?: typeof EC | typeof RSA; days?: number } = {}): Promise<Made> {
  const alg = o.alg ?? EC;
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    subject: name, issuer: o.issuer?.cert.subject ?? name, publicKey: keys.publicKey,
    signingKey: (o.issuer?.keys ?? keys).privateKey, signingAlgorithm: o.issuer ? EC : alg,
    notBefore: new Date(NOW - DAY), notAfter: new Date(NOW + (o.days ?? 365) * DAY),
    extensions: o.sans ? [new x509.SubjectAlternativeNameExtension(o.sans.map((value) => ({ type: 'dns' as const, value })))] : [],
  });
  const key = x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
  return { pem: cert.toString('pem'), key, cert, keys };
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return `${e.status} ${e.code}`;
    throw e;
  }
  return 'no error';
};
const spec = loadSpec('huawei-scm');
const valid = (schema: string, value: unknown) => validatorFor(spec).validate(`#/components/schemas/${schema}`, value).errors;

test('duplicate_check true refuses an identical certificate; false or absent allows it', async () => {
  const s = createState('d'.repeat(32));
  const a = await make('CN=dup.test');
  const body = { name: 'dup', certificate: a.pem, private_key: a.key };
  const first = importCertificate(s, body, NOW).certificate_id;
  expect(codeOf(() => importCertificate(s, { ...body, duplicate_check: true }, NOW))).toBe('400 SCM.0005');
  const second = importCertificate(s, { ...body, duplicate_check: false }, NOW).certificate_id;
  expect(importCertificate(s, body, NOW).certificate_id).not.toBe(second);
  expect(second).not.toBe(first);
  expect([first, second].every((id) => /^scs\d{13}$/.test(id))).toBe(true);
});

test('a chain must start with the issuer of the certificate (SCM.0079); inline chains count', async () => {
  const s = createState('d'.repeat(32));
  const [ca, otherCa] = await Promise.all([make('CN=Certconform CA'), make('CN=Other CA')]);
  const leaf = await make('CN=leaf.test', { issuer: ca, sans: ['leaf.test'] });
  expect(importCertificate(s, { name: 'chained', certificate: leaf.pem, private_key: leaf.key, certificate_chain: ca.pem }, NOW).certificate_id).toHaveLength(16);
  expect(importCertificate(s, { name: 'inline', certificate: leaf.pem + ca.pem, private_key: leaf.key }, NOW).certificate_id).toHaveLength(16);
  expect(codeOf(() => importCertificate(s, { name: 'wrong', certificate: leaf.pem, private_key: leaf.key, certificate_chain: otherCa.pem }, NOW))).toBe('400 SCM.0079');
  expect(codeOf(() => importCertificate(s, { name: 'garbled', certificate: leaf.pem, private_key: leaf.key, certificate_chain: 'nope' }, NOW))).toBe('400 SCM.0053');
});

test('ShowCertificate derives names, counts and algorithms from the certificate; the body fits the spec', async () => {
  const s = createState('d'.repeat(32));
  const [multi, wild, rsa, bare] = await Promise.all([
    make('CN=a.test', { sans: ['a.test', 'b.test', '*.c.test'] }),
    make('CN=*.wild.test', { sans: ['*.wild.test'] }),
    make('CN=rsa.test', { alg: RSA }),
    make('O=No Names Ltd'),
  ]);
  const show = (m: Made) => showCertificate(s, importCertificate(s, { name: 'facts', certificate: m.pem, private_key: m.key }, NOW).certificate_id);
  const m = show(multi);
  expect(m).toMatchObject({ domain: 'a.test', sans: 'a.test,b.test,*.c.test', domain_type: 'MULTI_DOMAIN', domain_count: 3, wildcard_count: 1 });
  expect(valid('ShowCertificateResponse', m)).toEqual([]);
  expect(show(wild)).toMatchObject({ domain_type: 'WILDCARD', domain_count: 1, wildcard_count: 1 });
  expect(show(rsa)).toMatchObject({ signature_algorithm: 'SHA384WITHRSA', sans: '', domain_type: 'SINGLE_DOMAIN' });
  expect(codeOf(() => importCertificate(s, { name: 'bare', certificate: bare.pem, private_key: bare.key }, NOW))).toBe('400 SCM.0009');
});

test('ListCertificates filters, sorts and pages; total_count counts every match', async () => {
  const s = createState('d'.repeat(32));
  const made = await Promise.all([30, 10, 20].map((days, i) => make(`CN=list${i}.test`, { days })));
  const ids = made.map((m, i) => importCertificate(s, { name: `list-${i}`, certificate: m.pem, private_key: m.key }, NOW + i).certificate_id);
  const page = (q: object) => listCertificates(s, q, NOW);
  expect(page({}).certificates.map((c) => c.id)).toEqual([...ids].reverse()); // newest update first
  expect(page({ sort_key: 'certExpiredTime', sort_dir: 'ASC' }).certificates.map((c) => c.id)).toEqual([ids[1], ids[2], ids[0]]);
  expect(page({ limit: 10, offset: 2 })).toMatchObject({ total_count: 3, certificates: [{ id: ids[0] }] });
  expect(page({ content: 'LIST1' }).certificates.map((c) => c.id)).toEqual([ids[1]]);
  expect(page({ status: 'PAID' })).toEqual({ certificates: [], total_count: 0 });
  expect(page({ enterprise_project_id: 'all', status: 'ALL' }).total_count).toBe(3);
  expect(listCertificates(s, { expired_days_since: 15 }, NOW + 25 * DAY).certificates.map((c) => c.id)).toEqual([ids[2], ids[1]]);
  expect(codeOf(() => page({ offset: -1 }))).toBe('400 SCM.0005');
  expect(valid('ListCertificatesResponse', page({}))).toEqual([]);
  expect(page({}).certificates[0]).toMatchObject({ domain_id: 'd'.repeat(32), deploy_support: true, status: 'UPLOAD' });
});

test('delete is final, ids are never reused, a failed import changes nothing, snapshot and reset', async () => {
  const s = createState('d'.repeat(32));
  const [a, b] = await Promise.all([make('CN=a.test'), make('CN=b.test')]);
  const id = importCertificate(s, { name: 'gone', certificate: a.pem, private_key: a.key }, NOW).certificate_id;
  deleteCertificate(s, id);
  expect(codeOf(() => deleteCertificate(s, id))).toBe('400 SCM.0008');
  expect(codeOf(() => showCertificate(s, id))).toBe('400 SCM.0008');
  const before = JSON.stringify(snapshot(s));
  expect(codeOf(() => importCertificate(s, { name: 'mismatch', certificate: a.pem, private_key: b.key }, NOW))).toBe('400 SCM.0012');
  expect(JSON.stringify(snapshot(s))).toBe(before);
  const again = importCertificate(s, { name: 'again', certificate: a.pem, private_key: a.key }, NOW).certificate_id;
  expect(again).not.toBe(id);
  const snap = snapshot(s);
  expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
  expect(snap.certificates.map((c) => c.id)).toEqual([again]);
  expect(JSON.stringify(snap)).not.toContain('PRIVATE KEY');
  reset(s);
  expect(listCertificates(s, {}, NOW).total_count).toBe(0);
});
