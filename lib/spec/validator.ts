import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import type { Spec } from './load.ts';

// ajv-formats is CommonJS whose plugin is its `default` export.
type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ?? formatsModule) as unknown as FormatsPlugin;

/**
 * ajv configured for OpenAPI 3.0.3 schema objects: `nullable` is native to ajv, OpenAPI's
 * formats come from ajv-formats, `x-maxBytes` is our byte-length limit (specs/README.md),
 * and other `x-` and OpenAPI-only keywords (example, xml, discriminator) are ignored.
 */
export function createAjv() {
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
  addFormats(ajv);
  ajv.addKeyword({
    keyword: 'x-maxBytes',
    type: 'string',
    schemaType: 'number',
    error: { message: ({ schema }: { schema: unknown }) => `must not be longer than ${String(schema)} bytes (UTF-8)` },
    validate: (max: number, data: string) => Buffer.byteLength(data, 'utf8') <= max,
  });
  return ajv;
}

export interface Verdict {
  ok: boolean;
  errors: string[];
}

const describe = (errors: ErrorObject[] | null | undefined): string[] =>
  (errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword}`.trim());

/** Validates values against schemas found at JSON pointers of one spec; compiled once each. */
export class SpecValidator {
  private readonly ajv = createAjv();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly spec: Spec) {
    this.ajv.addSchema(spec.doc, spec.provider);
  }

  compile(at: string): ValidateFunction {
    const hit = this.compiled.get(at);
    if (hit) return hit;
    const fn = this.ajv.compile({ $ref: `${this.spec.provider}${at}` });
    this.compiled.set(at, fn);
    return fn;
  }

  validate(at: string, value: unknown): Verdict {
    const fn = this.compile(at);
    return fn(value) ? { ok: true, errors: [] } : { ok: false, errors: describe(fn.errors) };
  }
}

const validators = new WeakMap<Spec, SpecValidator>();
export function validatorFor(spec: Spec): SpecValidator {
  let v = validators.get(spec);
  if (!v) validators.set(spec, (v = new SpecValidator(spec)));
  return v;
}
