import type { KeyAlg } from '../../support/certs/crypto.ts';
import { selfSigned, type GeneratedCert } from '../../support/certs/generate.ts';
import { sha256Hex } from '../../support/certs/fingerprint.ts';
import { randomBytes } from 'node:crypto';

/**
 * A certificate SCM can hold: SCM refuses an upload with no domain bound to it (SCM.0009), so
 * the subject CN and a DNS SAN are a domain name. Valid now, fresh serial, so never identical
 * to an earlier upload.
 */
export function domainCert(keyAlg: KeyAlg = 'EC-P256', label = randomBytes(4).toString('hex')): Promise<GeneratedCert> {
  const domain = `${label}.certconform.example`;
  return selfSigned({ keyAlg, ca: false, subject: [{ CN: [domain] }], sans: { dns: [domain] } });
}

/** The identity of a certificate's content (what duplicate_check compares). */
export const fingerprintOf = (pem: string) => sha256Hex(pem);
