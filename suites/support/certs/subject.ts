import 'reflect-metadata';
import { x509 } from './crypto.ts';

/**
 * A distinguished name as RDNs, each RDN a map from attribute (CN, O, OU, C, E, ...) to values:
 * the shape of `cert.subjectName.toJSON()`, so a subject round-trips by deep equality.
 * Two attributes in one RDN make a multi-valued RDN (`CN=a+UID=b` in string form).
 */
export type SubjectRdns = Array<Record<string, string[]>>;
/** A subject as RDNs, or as an RFC 4514 string (`CN=a\, b, O=x`) parsed by @peculiar/x509. */
export type Subject = string | SubjectRdns;

// Attributes whose ASN.1 type is IA5String (RFC 5280 emailAddress, RFC 4519 domainComponent).
const IA5 = new Set(['E', 'DC']);
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/**
 * Builds the Name with explicit string types. Plain string values would go through the
 * library's string-form unescaping (quotes and backslashes are interpreted), which would
 * silently change subjects such as `a"b"c`; typed values are taken verbatim.
 */
export function toName(subject: Subject): x509.Name {
  if (typeof subject === 'string') return new x509.Name(subject);
  const typed = subject.map((rdn) =>
    Object.fromEntries(
      Object.entries(rdn).map(([type, values]) => [
        type,
        values.map((v) =>
          IA5.has(type) ? { ia5String: v } : PRINTABLE.test(v) ? { printableString: v } : { utf8String: v },
        ),
      ]),
    ),
  );
  return new x509.Name(typed);
}

/** Common name(s) of a subject, for error messages and the Alibaba registration code check. */
export const commonNames = (name: x509.Name): string[] => name.getField('CN');
