import { createHash, X509Certificate } from 'node:crypto';
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
  // node's parser (OpenSSL) is several times faster than @peculiar/x509 on this hot path
  // (every register), but ignores bytes after the certificate: measure the outer SEQUENCE.
  if (derLength(der) !== der.length) throw certificateValidation('The certificate DER has trailing bytes.');
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(der);
  } catch {
    throw certificateValidation('The certificate is not a valid X.509 certificate.');
  }
  return {
    id: createHash('sha256').update(der).digest('hex'),
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
  };
}

/** Bytes the outer DER SEQUENCE spans (tag, length, content); -1 when it is not one. */
function derLength(der: Buffer): number {
  if (der.length < 2 || der[0] !== 0x30) return -1;
  const first = der[1]!;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || der.length < 2 + n) return -1;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + der[2 + i]!;
  return 2 + n + len;
}
