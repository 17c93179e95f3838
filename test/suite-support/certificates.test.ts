import 'reflect-metadata';
import { expect, test } from '@playwright/test';
import { X509Certificate, createHash, createPrivateKey } from 'node:crypto';
import { issue, selfSigned, validity, verificationCertificate } from '../../suites/support/certs/generate.ts';
import { cerBase64, derToPem, pemToDer, sha256Hex, x5t } from '../../suites/support/certs/fingerprint.ts';
import { azureImportBody, huaweiImportBody } from '../../suites/support/certs/import-bodies.ts';
import { stylePem } from '../../suites/support/certs/recipe.ts';
import type { SubjectRdns } from '../../suites/support/certs/subject.ts';
import { x509 } from '../../suites/support/certs/crypto.ts';

const DAY = 86_400_000;

test('a CA-issued leaf parses with both libraries and verifies against its CA only', async () => {
  const ca = await selfSigned({ keyAlg: 'RSA-2048' });
  const other = await selfSigned();
  const leaf = await issue(ca, { keyAlg: 'EC-P384', sans: { dns: ['device.example'], ip: ['10.0.0.1', '2001:db8::1'], email: ['a@b.example'], uri: ['https://u.example/x'] } });
  const parsed = new x509.X509Certificate(leaf.pem);
  const node = new X509Certificate(leaf.pem);
  expect(parsed.issuer).toBe(ca.cert.subject);
  expect(node.checkIssued(new X509Certificate(ca.pem))).toBe(true);
  expect(await parsed.verify({ publicKey: ca.cert.publicKey })).toBe(true);
  expect(await parsed.verify({ publicKey: other.cert.publicKey, signatureOnly: true })).toBe(false);
  expect(node.subjectAltName).toContain('DNS:device.example');
  expect(node.subjectAltName).toContain('IP Address:10.0.0.1');
  expect(new x509.X509Certificate(ca.pem).getExtension(x509.BasicConstraintsExtension)?.ca).toBe(true);
  expect(parsed.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(false);
  // The private key matches the certificate's public key.
  expect(createPrivateKey(leaf.privateKeyPem).asymmetricKeyDetails?.namedCurve).toBe('secp384r1');
});

test('validity windows are what was asked', async () => {
  const now = Date.now();
  for (const kind of ['valid', 'expired', 'not-yet-valid'] as const) {
    const c = await selfSigned({ ...validity(kind, now) });
    const node = new X509Certificate(c.pem);
    const [from, to] = [Date.parse(node.validFrom), Date.parse(node.validTo)];
    expect({ kind, valid: from <= now && now <= to }).toEqual({ kind, valid: kind === 'valid' });
    if (kind === 'expired') expect(to).toBeLessThan(now);
    if (kind === 'not-yet-valid') expect(from).toBeGreaterThan(now);
  }
  const exact = await selfSigned({ notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2051-06-01T12:00:00Z') });
  expect(exact.cert.notBefore.toISOString()).toBe('2020-01-01T00:00:00.000Z');
  expect(exact.cert.notAfter.toISOString()).toBe('2051-06-01T12:00:00.000Z');
  expect(exact.cert.notAfter.getTime() - exact.cert.notBefore.getTime()).toBeGreaterThan(365 * DAY);
});

test('unusual subjects round-trip exactly', async () => {
  const subjects: SubjectRdns[] = [
    [{ CN: ['Zürich-设备-Ωμέγα 🔐'] }],
    [{ CN: ['x'.repeat(300)] }],
    [{ C: ['DE'] }, { O: ['Org, Inc.'] }, { OU: ['a+b=c'] }, { CN: ['dev'] }],
    [{ CN: ['multi'], O: ['valued'] }],
    [{ CN: [' #lead,+=;"\\<>trail '] }],
    [{ CN: ['q"uo"te'] }, { E: ['ops@example.com'] }],
  ];
  for (const subject of subjects) {
    const c = await selfSigned({ subject });
    expect(new x509.X509Certificate(c.pem).subjectName.toJSON()).toEqual(subject);
    expect(() => new X509Certificate(c.pem).subject).not.toThrow();
  }
  const fromString = await selfSigned({ subject: 'CN=a\\, b, O=x\\+y' });
  expect(fromString.cert.subjectName.toJSON()).toEqual([{ CN: ['a, b'] }, { O: ['x+y'] }]);
});

test('serial numbers are the ones asked for (the Alibaba Sn comes from them)', async () => {
  for (const [asked, expected] of [['0A1b', '0a1b'], ['ff00', 'ff00'], ['000102', '0102'], ['abc', '0abc']]) {
    const c = await selfSigned({ serialNumber: asked });
    expect(c.serialNumber).toBe(expected);
    expect(new X509Certificate(c.pem).serialNumber.toLowerCase()).toBe(expected);
  }
});

test('fingerprints: AWS id is sha256, Azure x5t is sha1 base64url, cer is base64 DER', async () => {
  const c = await selfSigned({ keyAlg: 'EC-P256' });
  const node = new X509Certificate(c.pem);
  expect(sha256Hex(c.pem)).toBe(node.fingerprint256.replace(/:/g, '').toLowerCase());
  expect(sha256Hex(c.der)).toMatch(/^[0-9a-f]{64}$/);
  expect(x5t(c.pem)).toBe(Buffer.from(node.fingerprint.replace(/:/g, ''), 'hex').toString('base64url'));
  expect(x5t(c.pem)).toBe(createHash('sha1').update(c.der).digest('base64url'));
  expect(Buffer.from(cerBase64(c.pem), 'base64')).toEqual(node.raw);
  expect(derToPem(pemToDer(c.pem))).toBe(c.pem);
});

test('PEM without trailing newline, or with CRLF, still parses to the same certificate', async () => {
  const c = await selfSigned();
  for (const style of [{ crlf: false, trailingNewline: false }, { crlf: true, trailingNewline: true }, { crlf: true, trailingNewline: false }]) {
    const pem = stylePem(c.pem, style);
    expect(pem.endsWith('\n')).toBe(style.trailingNewline);
    expect(pem.includes('\r\n')).toBe(style.crlf);
    expect(new X509Certificate(pem).fingerprint256).toBe(new X509Certificate(c.pem).fingerprint256);
    expect(new x509.X509Certificate(pem).serialNumber).toBe(c.serialNumber);
    expect(sha256Hex(pem)).toBe(sha256Hex(c.der));
  }
});

test('Alibaba verification certificate: signed by the CA, CN is the registration code', async () => {
  const ca = await selfSigned();
  const v = await verificationCertificate(ca, 'reg-code-12345');
  expect(v.cert.subjectName.getField('CN')).toEqual(['reg-code-12345']);
  expect(await v.cert.verify({ publicKey: ca.cert.publicKey, signatureOnly: true })).toBe(true);
});

test('import bodies: Azure PEM value holds key and certificate; Huawei body holds both and the chain', async () => {
  const ca = await selfSigned({ keyAlg: 'RSA-2048' });
  const leaf = await issue(ca, { keyAlg: 'EC-P256' });
  const azure = azureImportBody(leaf, [ca]);
  expect(azure.policy.secret_props.contentType).toBe('application/x-pem-file');
  expect(azure.policy.key_props).toMatchObject({ kty: 'EC', crv: 'P-256' });
  expect(pemToDer(azure.value, 'PRIVATE KEY')).toEqual(pemToDer(leaf.privateKeyPem, 'PRIVATE KEY'));
  expect(sha256Hex(azure.value)).toBe(sha256Hex(leaf.der));
  const huawei = huaweiImportBody('cert_1', leaf, [ca]);
  expect(huawei).toEqual({ name: 'cert_1', certificate: leaf.pem, private_key: leaf.privateKeyPem, certificate_chain: ca.pem });
  expect(new X509Certificate(huawei.certificate).checkPrivateKey(createPrivateKey(huawei.private_key))).toBe(true);
});
