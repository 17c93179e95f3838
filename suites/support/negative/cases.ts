import type { Spec } from '../../../lib/spec/load.ts';
import { operation } from '../../../lib/spec/load.ts';
import { deref } from '../../../lib/spec/pointer.ts';
import type { CallInput } from '../http/wire.ts';
import { filler, patternBreaker } from './values.ts';

type Schema = Record<string, unknown>;
import type { Where } from './arbitrary.ts';

/** One invalid request derived from a documented constraint, applied to a valid baseline. */
export interface NegativeCase {
  /** `DeleteCertificate path certificateId: length 63 (minLength 64 - 1)`. */
  title: string;
  where: Where;
  name: string;
  /** minLength | maxLength | x-maxBytes | pattern | enum | minimum | maximum | type | required */
  constraint: string;
  apply(valid: CallInput): CallInput;
}

function set(valid: CallInput, where: Where, name: string, value: unknown): CallInput {
  if (where === 'body') {
    const body = { ...(valid.body as Record<string, unknown>) };
    if (value === undefined) delete body[name];
    else body[name] = value;
    return { ...valid, body };
  }
  const key = where === 'header' ? 'headers' : where;
  const bag = { ...(valid[key] as Record<string, unknown> | undefined) };
  // Left out = present with undefined: the key tells the client not to fill in a pinned value
  // (api-version), the undefined that nothing is sent.
  bag[name] = value === undefined ? undefined : String(value);
  return { ...valid, [key]: bag };
}

/** The invalid values one schema's constraints imply (deterministic boundary pass). */
function valueCases(schema: Schema): { constraint: string; value: unknown; what: string }[] {
  const out: { constraint: string; value: unknown; what: string }[] = [];
  const min = schema.minLength as number | undefined;
  const max = schema.maxLength as number | undefined;
  const bytes = schema['x-maxBytes'] as number | undefined;
  if (schema.type === 'string' || min !== undefined || max !== undefined) {
    if (min !== undefined && min > 1) out.push({ constraint: 'minLength', value: filler(schema, min - 1), what: `length ${min - 1} (minLength ${min} - 1)` });
    if (max !== undefined && max < 1_000_000) out.push({ constraint: 'maxLength', value: filler(schema, max + 1), what: `length ${max + 1} (maxLength ${max} + 1)` });
    if (bytes !== undefined) {
      const chars = Math.floor(bytes / 3) + 1; // three-byte characters: within maxLength, over the bytes
      if (max === undefined || chars <= max) out.push({ constraint: 'x-maxBytes', value: '€'.repeat(chars), what: `${chars * 3} UTF-8 bytes in ${chars} characters (x-maxBytes ${bytes})` });
    }
    const broken = patternBreaker(schema);
    if (broken !== undefined) out.push({ constraint: 'pattern', value: broken, what: `${JSON.stringify(broken.slice(0, 12))} breaks /${String(schema.pattern)}/` });
    if (Array.isArray(schema.enum)) out.push({ constraint: 'enum', value: 'CERTCONFORM_NOT_IN_ENUM', what: `a value outside the enum (${schema.enum.slice(0, 4).join(', ')})` });
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    if (typeof schema.minimum === 'number') out.push({ constraint: 'minimum', value: schema.minimum - 1, what: `${schema.minimum - 1} (minimum ${schema.minimum} - 1)` });
    if (typeof schema.maximum === 'number') out.push({ constraint: 'maximum', value: schema.maximum + 1, what: `${schema.maximum + 1} (maximum ${schema.maximum} + 1)` });
    out.push({ constraint: 'type', value: 'abc', what: `"abc" (type ${String(schema.type)})` });
  }
  return out;
}

/**
 * Every deterministic negative case of one operation, read from the spec at run time: one below
 * and one above each length, a byte-length breaker, a pattern breaker, a value outside each
 * enum and range, each required parameter or body member left out, a wrong body member type.
 * `skip` leaves out parameters a test cannot meaningfully vary (e.g. signing headers).
 */
export function negativeCases(spec: Spec, operationId: string, skip: string[] = []): NegativeCase[] {
  const op = operation(spec, operationId);
  const cases: NegativeCase[] = [];
  const add = (where: Where, name: string, constraint: string, what: string, value: unknown) =>
    cases.push({ title: `${operationId} ${where} ${name}: ${what}`, where, name, constraint, apply: (v) => set(v, where, name, value) });
  for (const p of op.parameters) {
    if (p.in === 'cookie' || skip.includes(p.name) || p.schema['x-unconstrained']) continue;
    const where = p.in as Where;
    for (const c of valueCases(p.schema)) if (!(where === 'path' && c.value === '')) add(where, p.name, c.constraint, c.what, c.value);
    if (p.required && where !== 'path') add(where, p.name, 'required', 'left out (required)', undefined);
  }
  const media = op.requestBody?.content.find((c) => c.mediaType.includes('json'));
  if (media?.schemaAt) {
    const { node } = deref(spec.doc, { $ref: `#${media.schemaAt.replace(/^#/, '')}` }, media.schemaAt);
    const body = deref(spec.doc, node, media.schemaAt).node as Schema;
    const required = (body.required as string[] | undefined) ?? [];
    for (const [name, raw] of Object.entries((body.properties as Record<string, unknown> | undefined) ?? {})) {
      if (skip.includes(name)) continue;
      const schema = deref(spec.doc, raw, media.schemaAt).node as Schema;
      for (const c of valueCases(schema)) add('body', name, c.constraint, c.what, c.value);
      if (required.includes(name)) add('body', name, 'required', 'left out (required)', undefined);
      if (schema.type === 'string') add('body', name, 'type', 'a number instead of a string', 12345);
    }
  }
  return cases;
}
