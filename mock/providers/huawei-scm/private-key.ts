import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { X509Certificate } from '@peculiar/x509';
import { privateKeyFormatIncorrect, privateKeyUnresolvable } from './errors.ts';

// PKCS#8 `ENCRYPTED PRIVATE KEY` or a legacy OpenSSL `Proc-Type` header: the PEM says it
// plainly, where OpenSSL 3's error codes for it vary by version.
const ENCRYPTED_PEM = /-----BEGIN ENCRYPTED PRIVATE KEY-----|^Proc-Type:\s*4,ENCRYPTED/m;

/**
 * The private key, parsed by node:crypto (PKCS#8, PKCS#1, SEC1, SM2). A passphrase-protected
 * key cannot be uploaded (the import page) and is SCM.0114 (incorrect private key format);
 * anything else unparsable is SCM.0012 (failed to be resolved).
 */
function parsePrivateKey(pem: string, field: string): KeyObject {
  if (ENCRYPTED_PEM.test(pem)) throw privateKeyFormatIncorrect(`${field} is protected by a passphrase.`);
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw privateKeyUnresolvable(`${field} is not a PEM private key.`);
  }
}

/** DER SubjectPublicKeyInfo re-encoded by OpenSSL, so equal keys compare as equal bytes. */
const spki = (publicKey: KeyObject): Buffer => publicKey.export({ type: 'spki', format: 'der' });

function certificateSpki(cert: X509Certificate): Buffer | undefined {
  try {
    return spki(createPublicKey({ key: Buffer.from(cert.publicKey.rawData), format: 'der', type: 'spki' }));
  } catch {
    return undefined; // a public key OpenSSL cannot read matches no private key
  }
}

/**
 * Parses `field` and checks it is the private half of the certificate's public key (SPKI
 * compared). The sources name no code for a well-formed key of another certificate
 * (rule HWSCM-IMP-004 accepts any 400); SCM.0012 says the key cannot be used.
 */
export function checkPrivateKey(pem: string, field: string, cert: X509Certificate): void {
  const fromKey = spki(createPublicKey(parsePrivateKey(pem, field)));
  const fromCert = certificateSpki(cert);
  if (!fromCert || !fromKey.equals(fromCert)) {
    throw privateKeyUnresolvable(`${field} does not match the certificate.`);
  }
}
