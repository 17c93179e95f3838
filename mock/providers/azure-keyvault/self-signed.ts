import { randomBytes, webcrypto, X509Certificate } from 'node:crypto';
import { x509 } from './x509.ts';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

type Obj = Record<string, any>;

/** Signing algorithm for a policy's key_props (Key Vault's defaults: RSA 2048, EC P-256). */
function algorithm(keyProps: Obj = {}): RsaHashedKeyGenParams | EcKeyGenParams {
  const kty = String(keyProps.kty ?? 'RSA');
  if (kty.startsWith('EC')) {
    const crv = keyProps.crv ?? 'P-256';
    if (crv === 'P-256K') throw new Error('a P-256K key cannot be generated here: import such a certificate (versions[].value) instead');
    return { name: 'ECDSA', namedCurve: crv, hash: 'SHA-256' } as EcKeyGenParams;
  }
  if (!kty.startsWith('RSA')) throw new Error(`key_props.kty ${kty}: a certificate key is RSA or EC`);
  return { name: 'RSASSA-PKCS1-v1_5', modulusLength: keyProps.key_size ?? 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
}

/**
 * What CreateCertificate with issuer Self would produce, for a state file that describes a
 * certificate by its policy alone: a self-signed certificate with the policy's subject
 * (default CN=<name>), validity_months (default 12), key type and DNS names. The private key
 * is dropped: the mock keeps none.
 */
export async function selfSignedFromPolicy(name: string, policy: Obj, nowMs: number): Promise<X509Certificate> {
  const props: Obj = policy.x509_props ?? {};
  const alg = algorithm(policy.key_props);
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notAfter = new Date(nowMs);
  notAfter.setUTCMonth(notAfter.getUTCMonth() + (props.validity_months ?? 12));
  const dns: string[] = props.sans?.dns_names ?? [];
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: `01${randomBytes(15).toString('hex')}`,
    name: props.subject ?? `CN=${name}`,
    notBefore: new Date(nowMs),
    notAfter,
    keys,
    signingAlgorithm: alg,
    extensions: dns.length ? [new x509.SubjectAlternativeNameExtension(dns.map((value) => ({ type: 'dns' as const, value })))] : [],
  });
  return new X509Certificate(Buffer.from(cert.rawData));
}
