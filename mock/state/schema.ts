import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv } from '../../lib/spec/validator.ts';
import { get } from '../../lib/spec/pointer.ts';
import { FixtureError } from './adapter.ts';

/** The state file's JSON Schema (documented in the README), beside this module. */
export const SCHEMA_FILE = new URL('./state.schema.json', import.meta.url);

let schema: Record<string, unknown> | undefined;
let compiled: ValidateFunction | undefined;

/** ajv's words plus what they leave out: the unknown member, the allowed value, the forms. */
function why(e: ErrorObject): string {
  const p = e.params as { additionalProperty?: string; allowedValue?: unknown; missingProperty?: string };
  if (e.keyword === 'additionalProperties') return `has an unknown member '${p.additionalProperty}'`;
  if (e.keyword === 'const') return `must be ${JSON.stringify(p.allowedValue)}`;
  if (e.keyword === 'required') return `misses the required member '${p.missingProperty}'`;
  if (e.keyword === 'oneOf') {
    const owner = get(schema, e.schemaPath.replace(/\/oneOf$/, '')) as { description?: string } | undefined;
    return `must take exactly one of its forms${owner?.description ? `: ${owner.description}` : ''}`;
  }
  return e.message ?? e.keyword;
}

/**
 * Validates a parsed state file against the schema; throws a FixtureError for the deepest
 * problem ajv found (the entry a user can find and fix). A oneOf's branch errors say less
 * than the oneOf itself, so they give way to it.
 */
export function checkSchema(doc: unknown): void {
  schema ??= JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  compiled ??= createAjv().compile(schema);
  if (compiled(doc)) return;
  const all = compiled.errors ?? [];
  const forms = all.filter((e) => e.keyword === 'oneOf').map((e) => e.schemaPath.replace(/\/oneOf$/, '/oneOf/'));
  const own = all.filter((e) => e.keyword !== 'oneOf' && !forms.some((f) => e.schemaPath.startsWith(f)));
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  const first = [...own, ...all.filter((e) => e.keyword === 'oneOf')].sort((a, b) => depth(b) - depth(a))[0]!;
  throw new FixtureError(first.instancePath, why(first));
}
