import 'reflect-metadata'; // @peculiar/x509's dependency injection needs it loaded first
import { createHash } from 'node:crypto';
import { X509Certificate } from '@peculiar/x509';
import { certificateValidation } from './errors.ts';

export interface ParsedCertificate {
  /** Lower-case hex SHA-256 of the DER encoding: AWS IoT's certificate id. */
  id: string;
  notBefore: Date;
  notAfter: Date;
}

const BLOCK = /^-----BEGIN CERTIFICATE-----\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n?-----END CERTIFICATE-----$/;

/**
 * Reads exactly one X.509 certificate in PEM form, or throws CertificateValidationException.
 * Strict on purpose: another PEM label (a key, a CSR), a chain of several certificates, text
 * around the block, base64 that does not decode cleanly, or DER with trailing bytes is not
 * "a certificate in PEM format". Surrounding whitespace and CRLF line ends are accepted.
 */
export function parseCertificatePem(pem: string): ParsedCertificate {
  const block = BLOCK.exec(pem.trim());
  if (!block) throw certificateValidation('The certificate is not a single PEM block labelled CERTIFICATE.');
  const base64 = block[1]!.replace(/\r?\n/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) {
    throw certificateValidation('The certificate PEM body is not valid base64.');
  }
  const der = Buffer.from(base64, 'base64');
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(der);
  } catch {
    throw certificateValidation('The certificate is not a valid X.509 certificate.');
  }
  if (cert.rawData.byteLength !== der.length) throw certificateValidation('The certificate DER has trailing bytes.');
  return {
    id: createHash('sha256').update(der).digest('hex'),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
  };
}
