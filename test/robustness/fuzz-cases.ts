import fc from 'fast-check';
import { METHODS } from 'node:http';
import type { Spec } from '../../lib/spec/load.ts';
import { WIRES } from '../../suites/support/http/wires/index.ts';
import { filler } from '../../suites/support/negative/values.ts';
import { send } from '../../suites/support/http/transport.ts';
import type { Target } from '../../suites/support/target/targets.ts';
import { bodyArb, bodyBytes, contentTypeArb, headerArb, headerValue, segmentArb, text, valueArb } from './fuzz-parts.ts';
import { BROKEN_FRAMING, frame, type Framing, type Head } from './fuzz-wire.ts';

/** One case ready to send: the bytes, and what the judge may accept. */
export interface Sendable {
  chunks: Buffer[];
  /** Not HTTP a server can read: closing the connection is an acceptable answer. */
  broken: boolean;
  /** Carries valid credentials: a success is acceptable. */
  signed: boolean;
  /** Half-close after sending (a client that will send nothing more). */
  endAfter: boolean;
  head: boolean;
}

const framingArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Framing>('length') },
  { weight: 4, arbitrary: fc.constantFrom<Framing>('chunked', 'oversize-length', 'oversize-chunked', 'truncated', 'bad-chunk', 'dup-length', 'length-and-chunked') },
);

/** Bytes that are not an HTTP request at all (ended by the client: EOF is part of the case). */
const garbageArb = fc.record({
  type: fc.constant('garbage' as const),
  bytes: fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.constantFrom('GARBAGE\r\n\r\n', 'GET\r\n\r\n', ' / HTTP/1.1\r\n\r\n', 'GET / HTTP/1.1\r\nno colon here\r\n\r\n', '\r\n\r\n\r\n', 'GET / HTTP/1.1\r\nHost: x\r\n\tfolded\r\n\r\n').map((s) => new TextEncoder().encode(s))),
});

/** An unsigned request: any method, an absurd target, odd headers, any body and framing. */
const rawArb = (spec: Spec) =>
  fc.record({
    type: fc.constant('raw' as const),
    method: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE') },
      { weight: 2, arbitrary: fc.constantFrom('PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'CONNECT', 'get') },
      { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{1,10}$/) },
    ),
    base: fc.constantFrom('', ...[...spec.operations.values()].map((o) => o.path.replace(/\{[^}]+\}/g, '{}'))),
    segments: fc.array(segmentArb, { maxLength: 4 }),
    rawByte: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(' ', '\u0000', '\u007f', '\u00ff', '\t') }),
    query: fc.option(fc.array(fc.tuple(segmentArb, segmentArb), { maxLength: 3 })),
    version: fc.oneof({ weight: 8, arbitrary: fc.constant('HTTP/1.1') }, { weight: 2, arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1x', 'http/1.1') }),
    host: fc.oneof({ weight: 8, arbitrary: fc.constant('ok') }, { weight: 2, arbitrary: fc.constantFrom('missing', 'twice', '[::', 'a b') }),
    headers: fc.array(headerArb, { maxLength: 4 }),
    contentType: contentTypeArb,
    body: bodyArb,
    framing: framingArb,
  });

/** A request signed with the provider's own signing code, around one spec operation with hostile values. */
const signedArb = (spec: Spec) =>
  fc.record({
    type: fc.constant('signed' as const),
    op: fc.constantFrom(...spec.operations.keys()),
    values: fc.array(valueArb, { minLength: 6, maxLength: 6 }),
    /** Per parameter: a value the spec accepts instead (so cases reach the handlers, not only validation). */
    valid: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    omit: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    contentType: contentTypeArb,
    body: bodyArb,
    mutation: fc.constantFrom('none', 'none', 'none', 'dup-header', 'drop-header', 'expect-continue', 'expect-other'),
    framing: fc.constantFrom<Framing>('length', 'length', 'chunked', 'oversize-length'),
  });

export const planArb = (spec: Spec) =>
  fc.oneof({ weight: 1, arbitrary: garbageArb }, { weight: 4, arbitrary: rawArb(spec) }, { weight: 5, arbitrary: signedArb(spec) });
type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;
type SignedPlan = Of<ReturnType<typeof signedArb>>;
export type Plan = Of<typeof garbageArb> | Of<ReturnType<typeof rawArb>> | SignedPlan;

/** A value the parameter's schema accepts (enum, integer bounds, pattern and length). */
function acceptable(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return String(schema.enum[0]);
  if (schema.type === 'integer' || schema.type === 'number') return String(schema.minimum ?? 1);
  if (schema.type === 'boolean') return 'true';
  const min = Number(schema.minLength ?? 1);
  return filler(schema, Math.min(Math.max(min, 16), Number(schema.maxLength ?? 64)));
}

const bad = (s: string) => !/^[\x21-\x7e]*$/.test(s);

function rawCase(p: Extract<Plan, { type: 'raw' }>, target: Target, maxBodyBytes: number): Sendable {
  const segs = p.segments.map((s) => text(s));
  const path = (p.base.replace(/\{\}/g, () => segs.shift() ?? 'x') + (segs.length ? `/${segs.join('/')}` : '')) || '/';
  const query = p.query ? `?${p.query.map(([k, v]) => `${text(k)}=${text(v)}`).join('&')}` : '';
  const t = `${path.startsWith('/__certconform') ? '/x' : ''}${path}${p.rawByte ?? ''}${query}`;
  const host = new URL(target.url).host;
  const headers: [string, Buffer][] = [];
  if (p.host !== 'missing') headers.push(['host', Buffer.from(p.host === 'ok' || p.host === 'twice' ? host : p.host)]);
  if (p.host === 'twice') headers.push(['host', Buffer.from('elsewhere.example')]);
  if (p.contentType) headers.push(['content-type', Buffer.from(p.contentType)]);
  for (const [k, v] of p.headers) headers.push([k, headerValue(v)]);
  const head: Head = { method: p.method, target: t, version: p.version, headers };
  const knownMethod = METHODS.includes(p.method) && p.method !== 'CONNECT';
  const broken = !knownMethod || bad(t) || !/^HTTP\/1\.[01]$/.test(p.version) || BROKEN_FRAMING.has(p.framing);
  return { chunks: frame(head, bodyBytes(p.body), p.framing, maxBodyBytes), broken, signed: false, endAfter: BROKEN_FRAMING.has(p.framing), head: p.method === 'HEAD' };
}

async function signedCase(p: SignedPlan, spec: Spec, target: Target, maxBodyBytes: number): Promise<Sendable> {
  const op = spec.operations.get(p.op)!;
  const input = { path: {} as Record<string, string>, query: {} as Record<string, string>, headers: {} as Record<string, string>, rawBody: undefined as string | undefined };
  op.parameters.forEach((param, i) => {
    const v = p.valid[i % 6] ? acceptable(param.schema) : text(p.values[i % 6]!, 'x');
    if (param.in === 'path') input.path[param.name] = v;
    else if (param.in === 'query' && !p.omit[i % 6]) input.query[param.name] = v;
  });
  if (p.contentType) input.headers['content-type'] = p.contentType;
  const wire = WIRES[spec.provider];
  const unsigned = wire.encode(op, input, target);
  const body = bodyBytes(p.body);
  const signed = await wire.authorize({ ...unsigned, body: body === undefined ? undefined : new Uint8Array(body) }, target, (r) => send(r, { caFile: target.caFile }));
  const url = new URL(signed.url);
  const headers: [string, Buffer][] = Object.entries(signed.headers).map(([k, v]) => [k, Buffer.from(v, 'latin1')]);
  if (!headers.some(([k]) => k.toLowerCase() === 'host')) headers.unshift(['host', Buffer.from(url.host)]);
  if (p.mutation === 'dup-header') headers.push([headers[headers.length - 1]![0], Buffer.from('duplicate')]);
  if (p.mutation === 'drop-header' && headers.length > 1) headers.splice(1, 1);
  if (p.mutation === 'expect-continue') headers.push(['expect', Buffer.from('100-continue')]);
  if (p.mutation === 'expect-other') headers.push(['expect', Buffer.from('bogus-expectation')]);
  const head: Head = { method: signed.method, target: url.pathname + url.search, version: 'HTTP/1.1', headers };
  return { chunks: frame(head, body, p.framing, maxBodyBytes), broken: false, signed: true, endAfter: false, head: signed.method === 'HEAD' };
}

/** Bytes and expectations for a plan (signing is async, so it happens here, not in the arbitrary). */
export async function sendable(plan: Plan, spec: Spec, target: Target, maxBodyBytes: number): Promise<Sendable> {
  if (plan.type === 'garbage') return { chunks: [Buffer.from(plan.bytes)], broken: true, signed: false, endAfter: true, head: false };
  if (plan.type === 'raw') return rawCase(plan, target, maxBodyBytes);
  return signedCase(plan, spec, target, maxBodyBytes);
}
