import { timingSafeEqual } from 'node:crypto';

/**
 * RFC 3986 percent-encoding as every scheme here canonicalises with: unreserved characters
 * (A-Z a-z 0-9 - . _ ~) stay, every other UTF-8 byte becomes %XX in upper case. It is
 * encodeURIComponent with `!'()*` escaped too (smithy's escapeUri, openapi-util's encode and
 * AKSKSigner.urlEncode all compute this). Throws on a lone surrogate, which no decoded URL holds.
 */
export const escapeRfc3986 = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, hexOf);
const hexOf = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

/** Two signature strings compared without leaking where they first differ. */
export function sameSignature(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
