import { deref, escapeToken, pointer } from './pointer.ts';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Record<string, unknown>;
  /** Pointer to the schema inside the document, for ajv. */
  schemaAt: string;
}

export interface MediaType {
  mediaType: string;
  schemaAt?: string;
  at: string;
}

export interface Response {
  status: string;
  at: string;
  headers: { name: string; required: boolean; schemaAt?: string }[];
  content: MediaType[];
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  at: string;
  raw: Record<string, unknown>;
  parameters: Parameter[];
  requestBody?: { required: boolean; content: MediaType[] };
  responses: Map<string, Response>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
type Obj = Record<string, unknown>;

function media(content: unknown, at: string): MediaType[] {
  return Object.entries((content ?? {}) as Obj).map(([mediaType, mt]) => {
    const mtAt = `${at}/content/${escapeToken(mediaType)}`;
    return { mediaType, at: mtAt, schemaAt: (mt as Obj).schema ? `${mtAt}/schema` : undefined };
  });
}

function parameters(doc: unknown, list: unknown, at: string): Parameter[] {
  return ((list ?? []) as unknown[]).map((p, i) => {
    const { node, at: pAt } = deref(doc, p, `${at}/${i}`);
    const param = node as Obj;
    return {
      name: String(param.name),
      in: param.in as Parameter['in'],
      required: param.required === true,
      schema: (deref(doc, param.schema, `${pAt}/schema`).node ?? {}) as Obj,
      schemaAt: `${pAt}/schema`,
    };
  });
}

/** Indexes every operation by operationId, with path- and operation-level parameters merged. */
export function indexOperations(doc: Obj, file: string): Map<string, Operation> {
  const ops = new Map<string, Operation>();
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Obj)) {
    const itemAt = pointer('paths', path);
    const shared = parameters(doc, (item as Obj).parameters, `${itemAt}/parameters`);
    for (const method of METHODS) {
      const raw = (item as Obj)[method] as Obj | undefined;
      if (!raw) continue;
      const at = `${itemAt}/${method}`;
      const id = String(raw.operationId ?? '');
      if (!id) throw new Error(`${file}: ${method.toUpperCase()} ${path} has no operationId`);
      if (ops.has(id)) throw new Error(`${file}: duplicate operationId ${id}`);
      const own = parameters(doc, raw.parameters, `${at}/parameters`);
      const merged = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
      const body = raw.requestBody ? deref(doc, raw.requestBody, `${at}/requestBody`) : undefined;
      const responses = new Map<string, Response>();
      for (const [status, r] of Object.entries((raw.responses ?? {}) as Obj)) {
        const { node, at: rAt } = deref(doc, r, `${at}/responses/${status}`);
        const headers = Object.entries(((node as Obj).headers ?? {}) as Obj).map(([name, h]) => {
          const { node: hn, at: hAt } = deref(doc, h, `${rAt}/headers/${name}`);
          return { name, required: (hn as Obj).required === true, schemaAt: (hn as Obj).schema ? `${hAt}/schema` : undefined };
        });
        responses.set(status, { status, at: rAt, headers, content: media((node as Obj).content, rAt) });
      }
      ops.set(id, {
        operationId: id,
        method,
        path,
        at,
        raw,
        parameters: merged,
        requestBody: body && {
          required: (body.node as Obj).required === true,
          content: media((body.node as Obj).content, body.at),
        },
        responses,
      });
    }
  }
  return ops;
}
