import { algInfo } from './crypto.ts';
import type { GeneratedCert } from './generate.ts';

/**
 * Azure Key Vault ImportCertificate body in its PEM form: `value` holds the private key and the
 * certificate (then any chain), and the policy says so with contentType application/x-pem-file.
 * (Base64 PFX is the other documented form; the suite does not need it.)
 */
export function azureImportBody(cert: GeneratedCert, chain: GeneratedCert[] = [], tags?: Record<string, string>) {
  const { kty, key_size, crv } = algInfo(cert.keyAlg).azure;
  return {
    value: [cert.privateKeyPem, cert.pem, ...chain.map((c) => c.pem)].join(''),
    policy: {
      key_props: { exportable: true, kty, key_size, reuse_key: false, ...(crv ? { crv } : {}) },
      secret_props: { contentType: 'application/x-pem-file' },
    },
    ...(tags ? { tags } : {}),
  };
}

/**
 * Huawei SCM ImportCertificate body: certificate PEM, its private key (unencrypted PKCS8 PEM,
 * as the API requires no passphrase) and, when issued by a CA, the chain up to it.
 */
export function huaweiImportBody(name: string, cert: GeneratedCert, chain: GeneratedCert[] = []) {
  return {
    name,
    certificate: cert.pem,
    private_key: cert.privateKeyPem,
    ...(chain.length ? { certificate_chain: chain.map((c) => c.pem).join('') } : {}),
  };
}
