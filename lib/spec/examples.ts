import type { Spec } from './load.ts';
import type { MediaType } from './operations.ts';
import { deref, get } from './pointer.ts';

export interface Example {
  /** Where the example stands, for messages. */
  at: string;
  /** Pointer to the schema it must satisfy. */
  schemaAt: string;
  value: unknown;
}

type Obj = Record<string, unknown>;

function fromHolder(spec: Spec, holderAt: string, schemaAt: string | undefined): Example[] {
  const holder = get(spec.doc, holderAt) as Obj | undefined;
  if (!holder || !schemaAt) return [];
  const out: Example[] = [];
  if ('example' in holder) out.push({ at: `${holderAt}/example`, schemaAt, value: holder.example });
  for (const [name, ex] of Object.entries((holder.examples ?? {}) as Obj)) {
    const { node, at } = deref(spec.doc, ex, `${holderAt}/examples/${name}`);
    if (node && typeof node === 'object' && 'value' in (node as Obj)) {
      out.push({ at, schemaAt, value: (node as Obj).value });
    }
  }
  return out;
}

const ofMedia = (spec: Spec, list: MediaType[]) => list.flatMap((m) => fromHolder(spec, m.at, m.schemaAt));

/** Every example of every parameter, request body, response body and response header. */
export function allExamples(spec: Spec): Example[] {
  const out: Example[] = [];
  for (const op of spec.operations.values()) {
    for (const p of op.parameters) out.push(...fromHolder(spec, p.schemaAt.replace(/\/schema$/, ''), p.schemaAt));
    if (op.requestBody) out.push(...ofMedia(spec, op.requestBody.content));
    for (const r of op.responses.values()) {
      out.push(...ofMedia(spec, r.content));
      for (const h of r.headers) if (h.schemaAt) out.push(...fromHolder(spec, h.schemaAt.replace(/\/schema$/, ""), h.schemaAt));
    }
  }
  return out;
}
