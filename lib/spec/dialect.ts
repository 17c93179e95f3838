import type { Spec } from './load.ts';
import type { Operation } from './operations.ts';
import { deref, get } from './pointer.ts';

type Obj = Record<string, unknown>;

/**
 * The error code of a response in the provider's dialect: the error-type header where the
 * dialect has one (`Name:namespace` -> `Name`), else the body field at `errorCode.pointer`.
 */
export function errorCodeOf(spec: Spec, headers: Record<string, string | undefined>, body: unknown): string | undefined {
  const { header, headerSeparator, pointer } = spec.dialect.errorCode;
  if (header) {
    const value = Object.entries(headers).find(([k]) => k.toLowerCase() === header.toLowerCase())?.[1];
    if (value) return headerSeparator ? value.split(headerSeparator)[0] : value;
  }
  const code = get(body, `#${pointer}`);
  return typeof code === 'string' ? code : undefined;
}

/** Enums found for one property name across a schema and its allOf parts. */
function enumsAt(doc: unknown, schema: unknown, at: string, tokens: string[]): string[] | undefined {
  const { node } = deref(doc, schema, at);
  const s = node as Obj | undefined;
  if (!s || typeof s !== 'object') return undefined;
  if (tokens.length === 0) return Array.isArray(s.enum) ? (s.enum as string[]) : undefined;
  let found: string[] | undefined;
  const [head, ...rest] = tokens;
  const prop = (s.properties as Obj | undefined)?.[head!];
  if (prop) found = enumsAt(doc, prop, at, rest);
  for (const part of (s.allOf as unknown[] | undefined) ?? []) {
    const e = enumsAt(doc, part, at, tokens);
    if (e) found = found ? found.filter((c) => e.includes(c)) : e; // allOf narrows
  }
  return found;
}

/**
 * The error codes the spec documents for an operation at a status, or undefined where the
 * documentation names no closed set (any code is then acceptable).
 */
export function documentedCodes(spec: Spec, op: Operation, status: number | string): string[] | undefined {
  const r = op.responses.get(String(status));
  const schemaAt = r?.content.find((c) => c.mediaType.includes('json'))?.schemaAt;
  if (!schemaAt) return undefined;
  const tokens = spec.dialect.errorCode.pointer.split('/').slice(1);
  return enumsAt(spec.doc, get(spec.doc, schemaAt), schemaAt, tokens);
}

/**
 * The statuses at which the spec documents `code` for an operation (from the code enums),
 * lowest first: an engine raises a documented error without re-typing its status.
 */
export function statusesForCode(spec: Spec, op: Operation, code: string): number[] {
  return [...op.responses.keys()]
    .filter((s) => /^[45]\d\d$/.test(s) && documentedCodes(spec, op, s)?.includes(code))
    .map(Number)
    .sort((a, b) => a - b);
}
