import { createPrivateKey, createHash, X509Certificate, type KeyObject } from 'node:crypto';
import { Socket } from 'node:net';
import { createSecureContext, TLSSocket } from 'node:tls';
import { badParameter } from './errors.ts';

/** The leaf certificate of an import and the secret format it came in. */
export interface Imported {
  cert: X509Certificate;
  contentType: 'application/x-pem-file' | 'application/x-pkcs12';
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Reads an import `value` for real: PEM text with a PKCS#8 key and its certificate(s), or a
 * base64 PFX. The leaf is the certificate that matches the private key. Everything else is
 * the documented 400 ("This certificate needs to contain the private key").
 */
export function readImportValue(value: string, pwd: string | undefined): Imported {
  if (value.includes('-----BEGIN')) return { cert: fromPem(value, pwd), contentType: 'application/x-pem-file' };
  const compact = value.replace(/\s+/g, '');
  if (!BASE64.test(compact)) throw badParameter('The value is neither PEM text nor a base64 encoded PFX.');
  return { cert: fromPfx(Buffer.from(compact, 'base64'), pwd), contentType: 'application/x-pkcs12' };
}

/**
 * The PEM blocks in order, or undefined when a block is malformed. One forward scan: a
 * backtracking regex would take seconds on a body of unterminated BEGIN lines.
 */
function pemBlocks(text: string): { label: string; pem: string }[] | undefined {
  const blocks: { label: string; pem: string }[] = [];
  const BEGIN = '-----BEGIN ';
  for (let at = text.indexOf(BEGIN); at >= 0; at = text.indexOf(BEGIN, at)) {
    const labelEnd = text.indexOf('-----', at + BEGIN.length);
    const label = labelEnd < 0 ? '' : text.slice(at + BEGIN.length, labelEnd);
    if (!/^[A-Z0-9 ]{1,64}$/.test(label)) return undefined;
    const endLine = `-----END ${label}-----`;
    const end = text.indexOf(endLine, labelEnd);
    if (end < 0) return undefined;
    blocks.push({ label, pem: text.slice(at, end + endLine.length) });
    at = end + endLine.length;
  }
  return blocks;
}

// Reading a PEM private key is the costliest step of an import (~40% of its CPU); clients
// re-import the same few keys, so a small cache by (PEM, password) pays. Bounded: oldest out.
const KEY_CACHE_SIZE = 64;
const keyCache = new Map<string, KeyObject>();

function privateKey(pem: string, pwd: string | undefined): KeyObject {
  const id = `${pwd ?? ''}\u0000${pem}`;
  let key = keyCache.get(id);
  if (key) return key;
  try {
    key = createPrivateKey({ key: pem, format: 'pem', passphrase: pwd });
  } catch (e) {
    throw badParameter(`The private key cannot be read: ${(e as Error).message}.`);
  }
  if (keyCache.size >= KEY_CACHE_SIZE) keyCache.delete(keyCache.keys().next().value!);
  keyCache.set(id, key);
  return key;
}

function fromPem(text: string, pwd: string | undefined): X509Certificate {
  const blocks = pemBlocks(text);
  if (!blocks) throw badParameter('The value is not well-formed PEM (a BEGIN line without its END line).');
  const keys = blocks.filter((b) => b.label.endsWith('PRIVATE KEY'));
  // The documentation of import: "Key Vault will only accept a key in PKCS#8 format".
  if (keys.some((k) => k.label !== 'PRIVATE KEY' && k.label !== 'ENCRYPTED PRIVATE KEY')) {
    throw badParameter('The private key must be in PKCS#8 format (BEGIN PRIVATE KEY).');
  }
  if (keys.length !== 1) throw badParameter(`The PEM must contain exactly one private key, found ${keys.length}.`);
  const key = privateKey(keys[0]!.pem, pwd);
  const certs = blocks.filter((b) => b.label === 'CERTIFICATE');
  if (!certs.length) throw badParameter('The PEM contains no certificate.');
  for (const c of certs) {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(c.pem);
    } catch {
      throw badParameter('The specified PEM X.509 certificate content is in an unexpected format.');
    }
    if (matches(cert, key)) return cert;
  }
  throw badParameter('No certificate in the PEM matches its private key.');
}

function matches(cert: X509Certificate, key: KeyObject): boolean {
  try {
    return cert.checkPrivateKey(key);
  } catch {
    return false; // different key types
  }
}

/** OpenSSL checks the PFX's MAC, decrypts it and that its key matches its certificate. */
function fromPfx(pfx: Buffer, pwd: string | undefined): X509Certificate {
  let socket: TLSSocket | undefined;
  try {
    socket = new TLSSocket(new Socket(), { isServer: true, secureContext: createSecureContext({ pfx, passphrase: pwd }) });
    const cert = socket.getX509Certificate();
    if (!cert) throw new Error('no certificate');
    return cert;
  } catch (e) {
    throw badParameter(`The PFX cannot be read (it must hold a certificate and its private key): ${(e as Error).message}.`);
  } finally {
    socket?.destroy();
  }
}

/** x5t: base64url SHA-1 of the DER certificate. */
export const thumbprint = (cert: X509Certificate) => createHash('sha1').update(cert.raw).digest('base64url');
