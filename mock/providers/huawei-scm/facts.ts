import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { SubjectAlternativeNameExtension, type X509Certificate } from '@peculiar/x509';
import { certificateUnresolvable, noDomainBound } from './errors.ts';
import type { CertFacts } from './state.ts';

const SM2_WITH_SM3 = '1.2.156.10197.1.501';

/** Java-style names as SCM reports them (the spec's example: SHA256WITHECDSA). */
function signatureAlgorithmName(cert: X509Certificate): string {
  const alg = cert.signatureAlgorithm as { name: string; hash?: { name: string } };
  const hash = alg.hash?.name.replace('-', '') ?? '';
  switch (alg.name) {
    case 'RSASSA-PKCS1-v1_5':
      return `${hash}WITHRSA`;
    case 'RSA-PSS':
      return `${hash}WITHRSAANDMGF1`;
    case 'ECDSA':
      return `${hash}WITHECDSA`;
    case SM2_WITH_SM3:
      return 'SM3WITHSM2';
    default:
      return alg.name.toUpperCase();
  }
}

function subjectAltNames(cert: X509Certificate): string[] {
  const ext = cert.getExtension(SubjectAlternativeNameExtension);
  return (ext?.names.items ?? []).filter((n) => n.type === 'dns' || n.type === 'ip').map((n) => n.value);
}

/** The facts ShowCertificate and ListCertificates report, read from the real certificate. */
export function factsOf(cert: X509Certificate): CertFacts {
  let cn: string | undefined, sans: string[], signatureAlgorithm: string, notBefore: number, notAfter: number;
  try {
    cn = cert.subjectName.getField('CN')[0];
    sans = subjectAltNames(cert);
    signatureAlgorithm = signatureAlgorithmName(cert);
    notBefore = cert.notBefore.getTime();
    notAfter = cert.notAfter.getTime();
  } catch (e) {
    throw certificateUnresolvable(`certificate: ${(e as Error).message}`);
  }
  const domain = cn || sans[0];
  if (!domain) throw noDomainBound();
  const der = Buffer.from(cert.rawData);
  return {
    domain,
    sans,
    names: [...new Set([domain, ...sans])],
    signatureAlgorithm,
    notBefore,
    notAfter,
    fingerprint: createHash('sha1').update(der).digest('hex').toUpperCase(),
    identity: createHash('sha256').update(der).digest('hex'),
  };
}
