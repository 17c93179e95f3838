import type { X509Certificate } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import * as asn from '@peculiar/asn1-x509';
import { badParameter } from './errors.ts';
import { x509 } from './x509.ts';

type Obj = Record<string, unknown>;

/** Node's curve names to the JsonWebKeyCurveName values Key Vault reports, with their sizes. */
const CURVES: Record<string, { crv: string; size: number }> = {
  prime256v1: { crv: 'P-256', size: 256 },
  secp384r1: { crv: 'P-384', size: 384 },
  secp521r1: { crv: 'P-521', size: 521 },
  secp256k1: { crv: 'P-256K', size: 256 },
};

/** What the certificate's key pair says of itself, or undefined for a key type Key Vault cannot hold. */
export function keyFacts(cert: X509Certificate): Obj | undefined {
  const { asymmetricKeyType: type, asymmetricKeyDetails: d } = cert.publicKey;
  if (type === 'rsa') return { kty: 'RSA', key_size: d?.modulusLength };
  const curve = type === 'ec' ? CURVES[d?.namedCurve ?? ''] : undefined;
  return curve && { kty: 'EC', key_size: curve.size, crv: curve.crv };
}

/** Whole months from nbf to exp, a started month counting (the seed: 2015-04-29..2039-12-31 = 297). */
export function validityMonths(nbf: Date, exp: Date): number {
  const months = (exp.getUTCFullYear() - nbf.getUTCFullYear()) * 12 + exp.getUTCMonth() - nbf.getUTCMonth();
  const restOfMonth = (d: Date) => d.getTime() - Date.UTC(d.getUTCFullYear(), d.getUTCMonth());
  return Math.max(0, months + (restOfMonth(exp) > restOfMonth(nbf) ? 1 : 0));
}

/** One extension's value parsed with its ASN.1 schema; undefined when the certificate has none. */
function extension<T>(cert: asn.Certificate, id: string, schema: new () => T): T | undefined {
  const ext = cert.tbsCertificate.extensions?.find((e) => e.extnID === id);
  return ext && AsnConvert.parse(ext.extnValue, schema);
}

/**
 * x509_props as the service derives them from an imported certificate. Only the four
 * extensions it reports are decoded: @peculiar/x509's `extensions` builds an object for every
 * extension through its factory, about 100 µs each, most of an import's CPU.
 */
export function x509Props(der: Buffer): Obj {
  try {
    const c = AsnConvert.parse(der, asn.Certificate);
    const names = new x509.GeneralNames(extension(c, asn.id_ce_subjectAltName, asn.SubjectAlternativeName) ?? []).items;
    const pick = (type: string) => names.filter((n) => n.type === type).map((n) => n.value);
    const sans = { dns_names: pick('dns'), emails: pick('email'), upns: pick('upn') };
    const usages = extension(c, asn.id_ce_keyUsage, asn.KeyUsage)?.toNumber() ?? 0;
    const { notBefore, notAfter } = c.tbsCertificate.validity;
    return {
      subject: new x509.Name(c.tbsCertificate.subject).toString(),
      ...(Object.values(sans).some((l) => l.length) ? { sans: Object.fromEntries(Object.entries(sans).filter(([, l]) => l.length)) } : {}),
      ekus: [...(extension(c, asn.id_ce_extKeyUsage, asn.ExtendedKeyUsage) ?? [])].map(String),
      // @peculiar/x509's flag names: the service's key_usage words (digitalSignature, ...).
      key_usage: Object.entries(x509.KeyUsageFlags).filter(([, f]) => typeof f === 'number' && usages & f).map(([n]) => n),
      validity_months: validityMonths(notBefore.getTime(), notAfter.getTime()),
      basic_constraints: { ca: extension(c, asn.id_ce_basicConstraints, asn.BasicConstraints)?.cA ?? false },
    };
  } catch (e) {
    throw badParameter(`The certificate cannot be read: ${(e as Error).message}.`); // OpenSSL took it, ASN.1 did not
  }
}

/** Exportable, not reused unless the request says otherwise; no curve on an RSA key. */
function keyProps(given: Obj = {}, facts: Obj): Obj {
  const { crv: _crv, ...rest } = given;
  return { exportable: true, reuse_key: false, ...rest, ...facts };
}

/**
 * The policy of an imported certificate: the seed's defaults (EmailContacts at 80 %, issuer
 * Unknown) under what the request gives; what the certificate itself states (key type and size,
 * X.509 properties) and the format received (secret content type) always win.
 */
export function importPolicy(cert: X509Certificate, key: Obj, contentType: string, given: Obj = {}, now: number): Obj {
  return {
    lifetime_actions: given.lifetime_actions ?? [{ trigger: { lifetime_percentage: 80 }, action: { action_type: 'EmailContacts' } }],
    issuer: given.issuer ?? { name: 'Unknown' },
    key_props: keyProps(given.key_props as Obj | undefined, key),
    secret_props: { contentType },
    x509_props: x509Props(cert.raw),
    attributes: { enabled: (given.attributes as Obj | undefined)?.enabled ?? true, created: now, updated: now },
  };
}
