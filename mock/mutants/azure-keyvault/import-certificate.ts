import { randomBytes, X509Certificate } from 'node:crypto';
import { ApiError } from '../../host/api-error.ts';
import type { OpInput, Reply } from '../../host/types.ts';
import { certificateBundle } from '../../providers/azure-keyvault/bundle.ts';
import { thumbprint } from '../../providers/azure-keyvault/certificate.ts';
import { keyOf, reportedLevel, type Certificate, type Vault, type Version } from '../../providers/azure-keyvault/vault.ts';
import { wrapHandler } from '../apply.ts';
import type { Mutant } from '../mutant.ts';
import { BUNDLE_OPS, editBodies, editBundles, nameOf } from './bodies.ts';

const unix = (date: string) => Math.floor(Date.parse(date) / 1000);

/** Stores a certificate that came without its private key, as a lax implementation would. */
function storeBare(input: OpInput, v: Vault, cert: X509Certificate): Reply {
  const now = v.clock.nowSeconds();
  const version: Version = {
    version: randomBytes(16).toString('hex'),
    cer: cert.raw.toString('base64'),
    x5t: thumbprint(cert),
    nbf: unix(cert.validFrom),
    exp: unix(cert.validTo),
    created: now,
    updated: now,
    enabled: true,
    contentType: 'application/x-pem-file',
  };
  const k = keyOf(nameOf(input));
  const existing = v.live.get(k);
  const certificate: Certificate = existing ? { ...existing, versions: [...existing.versions, version] } : { name: nameOf(input), versions: [version], policy: {} };
  v.live.set(k, certificate);
  return { status: 200, body: certificateBundle(input.wire.origin, certificate, version, reportedLevel(v.options)) };
}

/** ImportCertificate: what it accepts and the bundle it answers with. */
export const importCertificate: Mutant[] = [
  {
    name: 'azure-keyvault/import-cer-base64url',
    description: "the imported bundle's cer is base64url instead of base64 (breaks the spec's pattern and the DER check)",
    rules: ['AZKV-IMP-001', 'AZKV-SPEC-001'],
    module: (m) =>
      editBodies(m, ['ImportCertificate'], (b) => {
        if (typeof b.cer === 'string') b.cer = Buffer.from(b.cer, 'base64').toString('base64url');
      }),
  },
  {
    name: 'azure-keyvault/import-accepts-bare-certificate',
    description: 'ImportCertificate stores a PEM certificate that comes without its private key (200 instead of 400)',
    rules: ['AZKV-IMP-005'],
    module: (m) =>
      wrapHandler<Vault>(m, 'ImportCertificate', (next) => async (input, v, ctx) => {
        try {
          return await next(input, v, ctx);
        } catch (e) {
          const value = String((input.body as { value?: unknown }).value ?? '');
          if (!(e instanceof ApiError) || e.status !== 400 || !value.includes('-----BEGIN CERTIFICATE-----') || value.includes('PRIVATE KEY')) throw e;
          let cert: X509Certificate;
          try {
            cert = new X509Certificate(value);
          } catch {
            throw e; // not a certificate either: the engine's 400 stands
          }
          return storeBare(input, v, cert);
        }
      }),
  },
  {
    name: 'azure-keyvault/kid-under-certificates',
    description: 'kid points to {vault}/certificates/{name}/{version} instead of {vault}/keys/{name}/{version}',
    rules: ['AZKV-FMT-004'],
    module: (m) =>
      editBundles(m, BUNDLE_OPS, (b) => {
        if (typeof b.kid === 'string') b.kid = b.kid.replace('/keys/', '/certificates/');
      }),
  },
];
