import 'reflect-metadata';
import { randomBytes, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

/**
 * Certificates a client of this mock needs and the service never issues: a CA, the
 * verification certificate that proves it to RegisterCaCertificate, device certificates to
 * seed or to connect over MQTT. ECDSA P-256 keys: milliseconds each, where RSA-2048 costs ~300 ms.
 */
export interface Issued {
  cert: x509.X509Certificate;
  pem: string;
  keys: CryptoKeyPair;
  keyPem: string;
}

const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;
/** Positive, 16 random bytes, high bit clear so no DER sign byte is needed. */
const serial = () => ((randomBytes(1)[0]! & 0x7f) | 0x10).toString(16) + randomBytes(15).toString('hex');

async function finish(cert: x509.X509Certificate, keys: CryptoKeyPair): Promise<Issued> {
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as webcrypto.CryptoKey);
  return { cert, pem: cert.toString('pem'), keys, keyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY') };
}

const newKeys = async () => (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;

/** A self-signed CA (basicConstraints cA, keyCertSign) valid from a minute ago for `days`. */
export async function issueCa(cn: string, days = 30): Promise<Issued> {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${cn}`,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + days * DAY),
    keys,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  return finish(cert, keys);
}

/** An end-entity certificate with common name `cn` signed by `ca` (verification or device). */
export async function issueLeaf(ca: Issued, cn: string, opts: { notBefore?: Date; notAfter?: Date } = {}): Promise<Issued> {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${cn}`,
    issuer: ca.cert.subject,
    notBefore: opts.notBefore ?? new Date(Date.now() - 60_000),
    notAfter: opts.notAfter ?? new Date(Date.now() + 7 * DAY),
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
    ],
  });
  return finish(cert, keys);
}
