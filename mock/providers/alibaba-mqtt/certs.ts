import 'reflect-metadata';
import { createHash, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/** The first PEM certificate in the text, or undefined when there is none that parses. */
export function parsePem(text: string): x509.X509Certificate | undefined {
  const block = PEM.exec(text)?.[0];
  if (!block) return undefined;
  try {
    const cert = new x509.X509Certificate(block);
    // Read every field the engine uses now, so a certificate that parses cannot throw later
    // (a broken extension would otherwise surface as an undocumented 500).
    void [cert.serialNumber, cert.subject, cert.issuer, cert.notBefore, cert.notAfter, isCa(cert), commonName(cert)];
    return cert;
  } catch {
    return undefined;
  }
}

/**
 * Sn and DeviceSn: the serial number in upper-case hex without a DER sign byte, as
 * `openssl x509 -noout -serial` prints it (the tool Alibaba's user guide builds CAs with);
 * @peculiar/x509 gives the same digits in lower case. The service's own examples are digits
 * only, so they do not settle the case; one spelling, always, is what matters for lookups.
 */
export const serialOf = (cert: x509.X509Certificate) => cert.serialNumber.toUpperCase();

export const isCa = (cert: x509.X509Certificate) => cert.getExtension(x509.BasicConstraintsExtension)?.ca === true;

export const commonName = (cert: x509.X509Certificate): string | undefined => cert.subjectName.getField('CN')[0];

/** Identity of the exact certificate (not just its serial): SHA-256 of the DER. */
export const fingerprintOf = (cert: x509.X509Certificate) => createHash('sha256').update(new Uint8Array(cert.rawData)).digest('hex');

/** True when `issuer` names and signed `child`: the signature is checked, not only the names. */
export async function issuedBy(child: x509.X509Certificate, issuer: x509.X509Certificate): Promise<boolean> {
  if (child.issuer !== issuer.subject) return false;
  try {
    return await child.verify({ publicKey: issuer.publicKey, signatureOnly: true });
  } catch {
    return false; // an algorithm WebCrypto does not know cannot prove anything
  }
}

export const isValidAt = (cert: x509.X509Certificate, ms: number) => cert.notBefore.getTime() <= ms && ms <= cert.notAfter.getTime();
