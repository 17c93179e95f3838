import type { Spec } from '../../lib/spec/load.ts';
import type { Operation, Parameter } from '../../lib/spec/operations.ts';
import { validatorFor } from '../../lib/spec/validator.ts';
import { DEFAULT_LIMITS, jsonTooDeep } from './limits.ts';
import type { OpInput, WireRequest } from './types.ts';

/** Bodies are UTF-8 JSON: bytes that are not UTF-8 are refused, not replaced with U+FFFD. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Headers OpenAPI says are not parameters (they belong to security and content negotiation). */
const NOT_PARAMS = new Set(['authorization', 'content-type', 'accept']);

/** Strings from the wire to the type the spec declares; a value that cannot be converted stays a string and fails validation. */
function coerce(value: string, schema: Record<string, unknown>): unknown {
  switch (schema.type) {
    case 'integer':
      return /^-?\d+$/.test(value) ? Number(value) : value;
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    default:
      return value;
  }
}

function rawValue(p: Parameter, wire: WireRequest, pathParams: Record<string, string>): string | undefined {
  if (p.in === 'path') {
    const v = pathParams[p.name];
    if (v === undefined) return undefined;
    try {
      return decodeURIComponent(v);
    } catch {
      return v; // a broken percent-encoding is validated as the raw text
    }
  }
  if (p.in === 'query') return wire.query.get(p.name) ?? undefined;
  if (p.in === 'header') return wire.headers[p.name.toLowerCase()];
  return undefined;
}

/**
 * Validates a request against its operation in the spec (parameters and JSON body) and
 * returns the typed input, or the list of problems in words a client developer can act on.
 */
export function readInput(
  spec: Spec,
  op: Operation,
  wire: WireRequest,
  pathParams: Record<string, string>,
  maxJsonDepth = DEFAULT_LIMITS.maxJsonDepth,
): { input: OpInput } | { problems: string[] } {
  const v = validatorFor(spec);
  const problems: string[] = [];
  const input: OpInput = { op, path: {}, query: {}, headers: wire.headers, body: undefined, wire };
  for (const p of op.parameters) {
    if (p.in === 'header' && NOT_PARAMS.has(p.name.toLowerCase())) continue;
    const raw = rawValue(p, wire, pathParams);
    if (raw === undefined) {
      if (p.required) problems.push(`${p.in} parameter '${p.name}' is required`);
      continue;
    }
    const value = coerce(raw, p.schema);
    const verdict = v.validate(p.schemaAt, value);
    if (!verdict.ok) problems.push(...verdict.errors.map((e) => `${p.in} parameter '${p.name}' ${e.replace(/^\(root\) /, '')}`));
    if (p.in === 'path') input.path[p.name] = value;
    if (p.in === 'query') input.query[p.name] = value;
  }
  const body = op.requestBody;
  if (body) {
    const json = body.content.find((c) => c.mediaType.includes('json'));
    if (wire.rawBody.length === 0) {
      if (body.required) problems.push('a JSON request body is required');
    } else if (json && jsonTooDeep(wire.rawBody, maxJsonDepth)) {
      problems.push(`the JSON request body nests deeper than ${maxJsonDepth} levels`);
    } else if (json) {
      try {
        input.body = JSON.parse(utf8.decode(wire.rawBody));
      } catch (e) {
        problems.push(`the request body is not valid JSON: ${(e as Error).message}`);
      }
      if (input.body !== undefined && json.schemaAt) {
        const verdict = v.validate(json.schemaAt, input.body);
        if (!verdict.ok) problems.push(...verdict.errors.map((e) => `body ${e}`));
      }
    }
  }
  return problems.length ? { problems } : { input };
}
