import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { algInfo, x509, type KeyAlg } from './crypto.ts';
import { extensionsFor, type Sans } from './extensions.ts';
import { derToPem } from './fingerprint.ts';
import { keyPool, type KeyPool } from './key-pool.ts';
import { toName, type Subject } from './subject.ts';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const DAY = 86_400_000;

export type { Sans };

export interface CertOptions {
  subject?: Subject;
  keyAlg?: KeyAlg;
  /** A specific key pair instead of one from the pool. */
  keys?: CryptoKeyPair;
  pool?: KeyPool;
  sans?: Sans;
  notBefore?: Date;
  notAfter?: Date;
  /** Hex serial (the Alibaba Sn is derived from the CA's serial, so tests choose it). */
  serialNumber?: string;
  /** CA certificate (basicConstraints cA, keyCertSign); self-signed defaults to true. */
  ca?: boolean;
}

export interface GeneratedCert {
  pem: string;
  der: Uint8Array;
  privateKeyPem: string;
  /** Lowercase hex without leading zero bytes, as the certificate carries it. */
  serialNumber: string;
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
  keyAlg: KeyAlg;
}

export type ValidityKind = 'valid' | 'expired' | 'not-yet-valid';

/** A validity window of the given kind around `now` (the default for certificates is 'valid'). */
export function validity(kind: ValidityKind, now = Date.now()): { notBefore: Date; notAfter: Date } {
  if (kind === 'expired') return { notBefore: new Date(now - 60 * DAY), notAfter: new Date(now - DAY) };
  if (kind === 'not-yet-valid') return { notBefore: new Date(now + DAY), notAfter: new Date(now + 60 * DAY) };
  return { notBefore: new Date(now - DAY), notAfter: new Date(now + 365 * DAY) };
}

// Exported PKCS8 per key: pooled keys are reused, so export each once.
const pkcs8Pem = new WeakMap<CryptoKey, Promise<string>>();

function privateKeyPemOf(key: CryptoKey): Promise<string> {
  let p = pkcs8Pem.get(key);
  if (!p) pkcs8Pem.set(key, (p = subtle.exportKey('pkcs8', key).then((b) => derToPem(new Uint8Array(b), 'PRIVATE KEY'))));
  return p;
}

/** Even-length lowercase hex without redundant leading zero bytes (what the certificate reports). */
export function normalizeSerial(hex: string): string {
  const even = hex.length % 2 ? `0${hex}` : hex;
  return even.toLowerCase().replace(/^(00)+(?=[0-9a-f]{2})/, '');
}

async function build(opts: CertOptions, issuer: GeneratedCert | null): Promise<GeneratedCert> {
  const keyAlg = opts.keyAlg ?? 'EC-P256';
  const keys = opts.keys ?? (await (opts.pool ?? keyPool).get(keyAlg));
  const ca = opts.ca ?? issuer === null;
  const signer = issuer?.keys ?? keys;
  const signerAlg = issuer?.keyAlg ?? keyAlg;
  const subject = toName(opts.subject ?? [{ CN: [`certconform-${Math.random().toString(36).slice(2, 10)}`] }]);
  const window = validity('valid');
  const extensions = await extensionsFor({
    ca,
    rsa: keyAlg.startsWith('RSA'),
    subjectKey: keys.publicKey,
    issuerKey: signer.publicKey,
    sans: opts.sans,
  });
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: opts.serialNumber === undefined ? undefined : normalizeSerial(opts.serialNumber),
    subject,
    issuer: issuer ? issuer.cert.subjectName : subject,
    notBefore: opts.notBefore ?? window.notBefore,
    notAfter: opts.notAfter ?? window.notAfter,
    publicKey: keys.publicKey,
    signingKey: signer.privateKey,
    signingAlgorithm: algInfo(signerAlg).sign,
    extensions,
  });
  const der = new Uint8Array(cert.rawData);
  return {
    pem: derToPem(der),
    der,
    privateKeyPem: await privateKeyPemOf(keys.privateKey),
    serialNumber: cert.serialNumber,
    cert,
    keys,
    keyAlg,
  };
}

/** A self-signed certificate: a CA unless `ca: false` (a self-signed leaf). */
export const selfSigned = (opts: CertOptions = {}): Promise<GeneratedCert> => build(opts, null);

/** A certificate issued by `issuer` (a device certificate; an intermediate with `ca: true`). */
export const issue = (issuer: GeneratedCert, opts: CertOptions = {}): Promise<GeneratedCert> => build(opts, issuer);

/**
 * Alibaba's proof of possession for RegisterCaCertificate: a certificate signed by the CA whose
 * subject CN is the registration code from GetRegisterCode (VerificationContent).
 */
export const verificationCertificate = (
  ca: GeneratedCert,
  registrationCode: string,
  opts: Omit<CertOptions, 'subject' | 'ca'> = {},
): Promise<GeneratedCert> => issue(ca, { ...opts, subject: [{ CN: [registrationCode] }], ca: false });
