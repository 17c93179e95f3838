import { createRequire } from 'node:module';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';

// ajv-formats is CommonJS whose plugin is its `default` export.
type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ?? formatsModule) as unknown as FormatsPlugin;

/** The published JSON Schemas of the files certconform writes and reads (this folder). */
export type SchemaName = 'conformance' | 'baseline';

const load = createRequire(import.meta.url);
const compiled = new Map<SchemaName, ValidateFunction>();

function validator(name: SchemaName): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    // strict: a typo in a schema keyword is an error here, not a silently ignored rule
    // (strictRequired is off: if/then branches name members defined beside them).
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true });
    addFormats(ajv);
    compiled.set(name, (v = ajv.compile(load(`./${name}.schema.json`))));
  }
  return v;
}

/** One problem of a document against a schema: where (a JSON pointer) and what. */
export interface SchemaProblem {
  path: string;
  message: string;
}

const problem = (e: ErrorObject): SchemaProblem => {
  const extra = e.keyword === 'additionalProperties' ? ` '${(e.params as { additionalProperty: string }).additionalProperty}'` : e.keyword === 'enum' ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
  // A `false` subschema (a member allowed only in some cases) says "boolean schema is false".
  if (e.keyword === 'false schema') return { path: e.instancePath, message: 'must not be present here' };
  return { path: e.instancePath, message: `${e.message ?? e.keyword}${extra}` };
};

/** Validates a parsed document; returns its problems (none: valid). */
export function schemaProblems(name: SchemaName, doc: unknown): SchemaProblem[] {
  const v = validator(name);
  // if/then failures repeat what the branch's own error says: keep the specific ones.
  return v(doc) ? [] : (v.errors ?? []).filter((e) => e.keyword !== 'if').map(problem);
}
