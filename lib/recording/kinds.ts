/**
 * What a string from a request or an answer is, by its form alone (never by a provider's
 * field names): the same value always gets the same kind, in every run and every target.
 */
export type Kind = 'pem' | 'arn' | 'url' | 'uuid' | 'date' | 'hex' | 'b64' | 'id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// ISO 8601 date-times and RFC 7231 dates (Date headers, Azure attributes use epoch numbers).
const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const HEX = /^[0-9a-f]{16,}$/i;
// Tokens, thumbprints, DER in base64 or base64url: long, and mixing letters with digits.
const B64 = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9+/_-]{24,}={0,2}$/;
// Ids that carry a long run of digits (Huawei `scs1700000000001`, serials, request ids).
const ID = /^[A-Za-z_-]{0,8}\d{8,}[A-Za-z0-9_-]*$/;

export function kindOf(s: string): Kind | undefined {
  if (s.includes('-----BEGIN ')) return 'pem';
  if (/^arn:[\w-]+:[\w-]*:/.test(s)) return 'arn';
  if (/^https?:\/\/[^\s]+$/.test(s)) return 'url';
  if (UUID.test(s)) return 'uuid';
  if (ISO.test(s) || HTTP_DATE.test(s)) return 'date';
  if (HEX.test(s)) return 'hex';
  if (ID.test(s)) return 'id';
  if (B64.test(s)) return 'b64';
  return undefined;
}

/** Placeholders the normaliser writes: `<cert:1>`-style, kind then number. */
export const PLACEHOLDER = /^<([a-z]+):(\d+)>$/;
