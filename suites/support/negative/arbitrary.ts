import fc from 'fast-check';
import type { Spec } from '../../../lib/spec/load.ts';
import { operation } from '../../../lib/spec/load.ts';
import { deref, escapeToken } from '../../../lib/spec/pointer.ts';
import { validatorFor } from '../../../lib/spec/validator.ts';

type Schema = Record<string, unknown>;
export type Where = 'path' | 'query' | 'header' | 'body';

/** The schema of one parameter or body member, and where it lives (for ajv). */
export function constraintOf(spec: Spec, operationId: string, where: Where, name: string): { schema: Schema; at: string } {
  const op = operation(spec, operationId);
  if (where !== 'body') {
    const p = op.parameters.find((x) => x.in === where && x.name === name);
    if (!p) throw new Error(`${operationId} has no ${where} parameter '${name}'`);
    const { node, at } = deref(spec.doc, p.schema, p.schemaAt);
    return { schema: node as Schema, at };
  }
  const media = op.requestBody?.content.find((c) => c.mediaType.includes('json'));
  if (!media?.schemaAt) throw new Error(`${operationId} has no JSON body`);
  const body = deref(spec.doc, { $ref: media.schemaAt }, media.schemaAt);
  const raw = ((body.node as Schema).properties as Record<string, unknown> | undefined)?.[name];
  if (raw === undefined) throw new Error(`${operationId}'s body has no member '${name}'`);
  const { node, at } = deref(spec.doc, raw, `${body.at}/properties/${escapeToken(name)}`);
  return { schema: node as Schema, at };
}

// Characters of every width and class: pattern breakers, multi-byte units for byte limits.
const UNITS = ['a', 'Z', '7', '-', '_', '.', '~', ' ', '!', '/', '%', 'é', '€', '中', '𝄞'];
const numeric = (v: unknown) => typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v);

/**
 * Random values that break one parameter's documented constraints (random pass of the
 * negative inputs), read from the spec: lengths around the bounds, characters of every class
 * and width, numbers outside the range or the enum, non-numbers. Every value is checked with
 * ajv against the schema, so none is valid by accident. `prefix` is prepended before the check
 * (names that must stay attributable to the run).
 */
export function invalidValueArb(spec: Spec, operationId: string, where: Where, name: string, opts: { prefix?: string } = {}): fc.Arbitrary<string | number> {
  const { schema, at } = constraintOf(spec, operationId, where, name);
  const prefix = opts.prefix ?? '';
  const valid = (v: unknown) => validatorFor(spec).validate(at, numeric(v) && schema.type !== 'string' ? Number(v) : v).ok;
  let arb: fc.Arbitrary<string | number>;
  if (schema.type === 'integer' || schema.type === 'number') {
    const min = typeof schema.minimum === 'number' ? schema.minimum : -1000;
    const max = typeof schema.maximum === 'number' ? schema.maximum : 1000;
    arb = fc.oneof(
      fc.integer({ min: min - 1000, max: max + 1000 }),
      fc.double({ min, max, noNaN: true }).filter((d) => !Number.isInteger(d)),
      fc.stringMatching(/^[a-z]{1,6}$/),
    );
  } else {
    const max = typeof schema.maxLength === 'number' ? schema.maxLength : 64;
    const unit = fc.constantFrom(...UNITS);
    arb = fc.oneof(
      fc.string({ unit, maxLength: Math.min(max, 200) }),
      fc.string({ unit, minLength: max, maxLength: max + 40 }),
      fc.integer({ min: -1000, max: 100_000 }).map(String), // numbers where a numeric pattern rules
    );
    if (Array.isArray(schema.enum)) arb = fc.oneof(arb, fc.stringMatching(/^[A-Z_]{1,12}$/));
  }
  return arb
    .map((v) => (typeof v === 'string' ? `${prefix}${v}` : v))
    .filter((v) => !valid(v) && !(where === 'path' && /^\.*$/.test(String(v))));
}
