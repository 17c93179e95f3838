import fc from 'fast-check';

/**
 * The pieces of hostile HTTP the fuzz cases are made of, as small descriptions (a length, a
 * depth) rather than the bytes, so fast-check prints and shrinks them cheaply; `bodyBytes`
 * and friends turn them into bytes when a case is sent.
 */

/** Path segments and parameter values a router, a decoder or a validator may choke on. */
export const ABSURD = ['', '.', '..', '%00', '%', '%zz', '%FF', '%C3%28', '%2F', '%2e%2e', '%25', '~', ';x=1', '__proto__', 'constructor', '\u0000', '\uFFFF', 'é', '😀'];

/** A string, or a number n standing for n repeated letters (printed short, built late). */
export type Text = string | number;
export const text = (t: Text, letter = 'a') => (typeof t === 'number' ? letter.repeat(t) : t);

/** Raw path segments (already as they go on the wire: printable ASCII, escapes left as sent). */
export const segmentArb: fc.Arbitrary<Text> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ABSURD.filter((s) => /^[\x21-\x7e]*$/.test(s))) },
  { weight: 20, arbitrary: fc.stringMatching(/^[A-Za-z0-9._~-]{1,24}$/) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 40_000 }) }, // rare: a few of them overflow the header limit
);

/** A parameter value as a client means it (the wire percent-encodes it). */
export const valueArb: fc.Arbitrary<Text> = fc.oneof(
  fc.constantFrom(...ABSURD),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.stringMatching(/^[0-9a-f]{1,70}$/),
  fc.integer({ min: 200, max: 5_000 }),
);

export type BodyPlan =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'bomb'; depth: number; shape: 'array' | 'object'; wrapped: boolean }
  | { kind: 'bad-utf8' }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'form'; text: string };

export const bodyArb: fc.Arbitrary<BodyPlan> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: 'json' as const, value })),
  fc.record({
    kind: fc.constant('bomb' as const),
    depth: fc.oneof(fc.integer({ min: 60, max: 200 }), fc.constantFrom(1_000, 30_000, 100_000)),
    shape: fc.constantFrom('array' as const, 'object' as const),
    wrapped: fc.boolean(),
  }),
  fc.constant({ kind: 'bad-utf8' as const }),
  fc.uint8Array({ maxLength: 512 }).map((bytes) => ({ kind: 'bytes' as const, bytes })),
  fc.array(fc.tuple(fc.constantFrom('Action', 'Sn', 'a', 'Version', '__proto__'), fc.constantFrom(...ABSURD)), { maxLength: 4 }).map((kv) => ({
    kind: 'form' as const,
    text: kv.map(([k, v]) => `${k}=${v}`).join('&'),
  })),
);

/** Bodies as bytes. Object bombs are `{"a":{"a":...}}` (5 bytes a level), so they stop at 40k levels. */
export function bodyBytes(b: BodyPlan): Buffer | undefined {
  switch (b.kind) {
    case 'none':
      return undefined;
    case 'json':
      return Buffer.from(JSON.stringify(b.value) ?? 'null');
    case 'bomb': {
      const depth = b.shape === 'object' ? Math.min(b.depth, 40_000) : b.depth;
      const core = b.shape === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
      return Buffer.from(b.wrapped ? `{"certificatePem":${core},"name":${core}}` : core);
    }
    case 'bad-utf8':
      return Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]), Buffer.from('"}')]);
    case 'bytes':
      return Buffer.from(b.bytes);
    case 'form':
      return Buffer.from(b.text);
  }
}

export const contentTypeArb = fc.constantFrom(
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=zz',
  'application/json; charset=latin1',
  '*/*; ;;=',
);

/** Headers that change nothing about framing (framing has its own broken cases). */
export const headerArb: fc.Arbitrary<[string, string | { oversize: number } | 'bad-utf8']> = fc.tuple(
  fc.oneof(
    fc.constantFrom('content-type', 'authorization', 'x-amz-date', 'x-auth-token', 'accept', 'expect', 'upgrade', 'connection', 'x-acs-action', 'cookie'),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/),
  ),
  fc.oneof(
    { weight: 15, arbitrary: fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 }) },
    { weight: 3, arbitrary: fc.constantFrom('100-continue', 'bogus-expectation', 'websocket', 'Upgrade', 'close', 'keep-alive', 'Bearer', 'AWS4-HMAC-SHA256 Credential=/') },
    { weight: 1, arbitrary: fc.integer({ min: 17_000, max: 64_000 }).map((n) => ({ oversize: n })) },
    { weight: 1, arbitrary: fc.constant('bad-utf8' as const) },
  ),
);

export const headerValue = (v: string | { oversize: number } | 'bad-utf8'): Buffer =>
  v === 'bad-utf8' ? Buffer.from([0x61, 0xc3, 0x28, 0xff]) : Buffer.from(typeof v === 'string' ? v : 'v'.repeat(v.oversize), 'latin1');
