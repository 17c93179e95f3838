import 'reflect-metadata';
import { x509 } from './crypto.ts';

/**
 * The X.509 extensions our certificates carry. Building an extension serialises ASN.1, which
 * costs more than signing; all but the SANs repeat across certificates (pooled keys, the same
 * CA), so they are built once and shared.
 */
export interface Sans {
  dns?: string[];
  ip?: string[];
  email?: string[];
  uri?: string[];
}

const basic = new Map<boolean, x509.Extension>();
const usages = new Map<string, x509.Extension>();
const skis = new WeakMap<CryptoKey, Promise<x509.Extension>>();
const akis = new WeakMap<CryptoKey, Promise<x509.Extension>>();
const EKU = new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth, x509.ExtendedKeyUsage.serverAuth]);

function once<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

/** SKI (subject key) or AKI (issuer key) for a key: the SHA-1 key id, computed once per key. */
function keyIdExtension(cache: WeakMap<CryptoKey, Promise<x509.Extension>>, key: CryptoKey, aki: boolean) {
  let p = cache.get(key);
  if (!p) {
    p = x509.SubjectKeyIdentifierExtension.create(key).then((e) =>
      aki ? new x509.AuthorityKeyIdentifierExtension(e.keyId) : e,
    );
    cache.set(key, p);
  }
  return p;
}

function sanExtension(sans: Sans): x509.Extension | undefined {
  const names: x509.JsonGeneralName[] = [
    ...(sans.dns ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(sans.ip ?? []).map((value) => ({ type: 'ip' as const, value })),
    ...(sans.email ?? []).map((value) => ({ type: 'email' as const, value })),
    ...(sans.uri ?? []).map((value) => ({ type: 'url' as const, value })),
  ];
  return names.length ? new x509.SubjectAlternativeNameExtension(names) : undefined;
}

/**
 * CA: basicConstraints cA (critical), keyCertSign + cRLSign. Leaf: cA false, digitalSignature
 * (+ keyEncipherment for RSA), clientAuth + serverAuth. Both: SKI, AKI (the signer's key id).
 */
export async function extensionsFor(p: {
  ca: boolean;
  rsa: boolean;
  subjectKey: CryptoKey;
  issuerKey: CryptoKey;
  sans?: Sans;
}): Promise<x509.Extension[]> {
  const F = x509.KeyUsageFlags;
  const usage = p.ca ? F.keyCertSign | F.cRLSign | F.digitalSignature : F.digitalSignature | (p.rsa ? F.keyEncipherment : 0);
  const exts = [
    once(basic, p.ca, () => new x509.BasicConstraintsExtension(p.ca, undefined, true)),
    once(usages, String(usage), () => new x509.KeyUsagesExtension(usage, true)),
    await keyIdExtension(skis, p.subjectKey, false),
    await keyIdExtension(akis, p.issuerKey, true),
  ];
  if (!p.ca) exts.push(EKU);
  const san = p.sans && sanExtension(p.sans);
  return san ? [...exts, san] : exts;
}
