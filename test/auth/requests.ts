import fc from 'fast-check';
import { ApiError } from '../../mock/host/api-error.ts';
import type { WireRequest } from '../../mock/host/types.ts';
import { bodyBytes, type SignableRequest } from '../../suites/support/signing/request.ts';
import { ABSURD } from '../robustness/fuzz-parts.ts';

/**
 * Random requests for the verifier equivalence tests (test/auth/*.test.ts): methods, paths with
 * every reserved character and unicode, repeated and unicode query keys, headers with odd
 * whitespace and case, empty, binary and large bodies. The fuzz suite's hostile values
 * (ABSURD) are among them. `toWire` turns a signed request into what the mock's host builds
 * from it (wire.test.ts checks that against a real node:http server).
 */

const RESERVED = [...":/?#[]@!$&'()*+,;="];
const CHARS = [...RESERVED, ...'aZ09-._~', ' ', '%', '"', '<>', '\\', '^', '`', '{|}', 'é', 'ß', '中', '😀', '\u00a0', '\t'];
const textArb = (max: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.array(fc.constantFrom(...CHARS), { maxLength: max }).map((a) => a.join('')) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: max }) },
    { weight: 1, arbitrary: fc.constantFrom(...ABSURD) },
  );

/** Names of Object.prototype members: a plain object treats these keys specially. */
export const PROTO_KEYS = ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty'];
export const hasProtoKey = (w: WireRequest, except: string[] = []) =>
  [...w.query.keys()].some((k) => Object.hasOwn(Object.prototype, k) && !except.includes(k));

const keyArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'A', 'b', 'Sn', 'x', 'X-Amz-Signature') },
  { weight: 4, arbitrary: textArb(8) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS) },
);

/** A segment goes raw when a URL can hold it as written, else percent-encoded. */
const segment = (s: string, encode: boolean) => (encode || /[?#%]/.test(s) ? encodeURIComponent(s) : s);
const pathArb = fc
  .array(fc.tuple(fc.oneof(textArb(12), fc.constantFrom('.', '..', '')), fc.boolean()), { maxLength: 5 })
  .chain((segs) => fc.boolean().map((slash) => `/${segs.map(([s, e]) => segment(s, e)).join('/')}${slash && segs.length ? '/' : ''}`));

const queryArb = fc.oneof(
  fc.constant(''),
  fc.array(fc.tuple(keyArb, textArb(10)), { minLength: 1, maxLength: 6 }).chain((pairs) =>
    fc.boolean().map((form) =>
      form ? new URLSearchParams(pairs).toString() : pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'),
    ),
  ),
);

/** Header values a client can send (no CR/LF, Latin-1), with blanks where they hurt. */
const VALUE_CHARS = [' ', '  ', '\t', 'a', 'Z', '0', ',', ';', '=', '/', '"', 'é', '\u00ff', '\u00a0', 'x y'];
const valueArb = fc.array(fc.constantFrom(...VALUE_CHARS), { maxLength: 12 }).map((a) => a.join(''));
const headerNameArb = fc.constantFrom('x-custom', 'X-Mixed-Case', 'content-type', 'X-AMZ-META-A', 'accept', 'x-acs-extra', 'X-Acs-Odd', 'x-sdk-extra', 'user-agent');
const headersArb = fc.uniqueArray(fc.tuple(headerNameArb, valueArb), { maxLength: 4, selector: ([k]) => k.toLowerCase() });

export type Body = undefined | string | Uint8Array;
const bodyArb: fc.Arbitrary<Body> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)) },
  { weight: 4, arbitrary: fc.uint8Array({ maxLength: 2048 }) },
  { weight: 2, arbitrary: textArb(40) },
  // Large bodies, rare: each is hashed by the signer and by both checks, twice.
  { weight: 1, arbitrary: fc.integer({ min: 65_536, max: 160_000 }).map((n) => new Uint8Array(n).fill(n % 251)) },
);

export interface Plan {
  method: string;
  host: string;
  path: string;
  query: string;
  headers: [string, string][];
  body: Body;
}

export const planArb = (opts: { paths?: boolean } = {}): fc.Arbitrary<Plan> =>
  fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
    host: fc.constantFrom('iot.eu-west-1.amazonaws.com', '127.0.0.1:4010', 'localhost'),
    path: opts.paths === false ? fc.constant('/') : pathArb,
    query: queryArb,
    headers: headersArb,
    body: bodyArb,
  });

export const unsigned = (p: Plan): SignableRequest => ({
  method: p.method,
  url: `http://${p.host}${p.path}${p.query ? `?${p.query}` : ''}`,
  headers: Object.fromEntries(p.headers),
  body: p.body,
});

/**
 * What the mock's host makes of the request on the wire: path and query of the URL as sent,
 * header names lower-cased and values stripped of blanks at the ends (node's parser), the body.
 */
export function toWire(req: SignableRequest): WireRequest {
  const sent = new URL(req.url);
  const url = new URL(`http://${sent.host}${sent.pathname}${sent.search}`);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (Object.hasOwn(headers, k.toLowerCase())) throw new Error(`header ${k} twice: node would merge them`);
    headers[k.toLowerCase()] = v.replace(/^[ \t]+|[ \t]+$/g, '');
  }
  const wire = { method: req.method, path: url.pathname, query: url.searchParams, rawQuery: url.search.slice(1) };
  return { ...wire, headers, rawBody: Buffer.from(bodyBytes(req.body)), origin: url.origin };
}

/** A copy to mutate (query and headers are copied too). */
export const cloneWire = (w: WireRequest): WireRequest => ({ ...w, query: new URLSearchParams(w.query), headers: { ...w.headers } });

/** One character changed to another that no canonical form equates with it. */
export function changeChar(s: string, at: number, hex = false): string {
  const chars = [...s]; // code points: half a surrogate pair never reaches a server from UTF-8
  if (chars.length === 0) return hex ? '0' : 'x';
  const i = at % chars.length;
  chars[i] = hex ? (chars[i] === '0' ? '1' : '0') : chars[i] === 'a' ? 'b' : 'a';
  return chars.join('');
}

/** A verdict to compare: accepted, or the exact error the mock would answer. */
export const verdict = (e: ApiError | undefined) => (e ? { status: e.status, code: e.code, message: e.message } : 'accepted');
export const accepted = 'accepted' as const;

export { ApiError };
