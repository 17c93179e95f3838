import { createHash } from 'node:crypto';

/** A PEM body or a DER byte array: everything below accepts either. */
export type CertInput = string | Uint8Array;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

/**
 * DER of the first PEM block. Tolerates CRLF, a missing trailing newline, surrounding text and
 * a key block before the certificate (Azure PEM import values hold both); `label` picks a block.
 */
export function pemToDer(pem: string, label = 'CERTIFICATE'): Uint8Array {
  const re = new RegExp(PEM_BLOCK.source, 'g');
  for (let m = re.exec(pem); m; m = re.exec(pem)) {
    if (m[1] === label) return new Uint8Array(Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64'));
  }
  throw new Error(`no PEM block labelled ${label}`);
}

/** Canonical PEM: 64-character lines, LF, trailing newline. */
export function derToPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

const derOf = (c: CertInput): Uint8Array => (typeof c === 'string' ? pemToDer(c) : c);

/** SHA-256 of the DER, lowercase hex: the AWS IoT certificateId. */
export const sha256Hex = (c: CertInput): string => createHash('sha256').update(derOf(c)).digest('hex');

/** SHA-1 thumbprint of the DER, base64url without padding: the Azure Key Vault `x5t`. */
export const x5t = (c: CertInput): string => createHash('sha1').update(derOf(c)).digest('base64url');

/** Base64 (standard alphabet, padded) of the DER: the Azure Key Vault `cer`. */
export const cerBase64 = (c: CertInput): string => Buffer.from(derOf(c)).toString('base64');
