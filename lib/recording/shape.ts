import { kindOf, PLACEHOLDER } from './kinds.ts';

/**
 * The shape of a normalised body: types and the forms of strings that a client relies on
 * (ARN, URL, certificate, uuid, date), never the values. Arrays merge their elements: a member
 * present in every element is required, one present in some is optional, so a listing that
 * shows other tests' resources (another worker's, another moment's) keeps its shape.
 */
export type Shape =
  | { t: 'string'; kind?: string }
  | { t: 'number' | 'boolean' | 'null' }
  | { t: 'array'; of?: Shape }
  | { t: 'object'; members: Record<string, { shape: Shape; optional?: boolean }> };

const STRING_KINDS = new Set(['arn', 'url', 'pem', 'uuid', 'date']);

function stringShape(s: string): Shape {
  const p = PLACEHOLDER.exec(s);
  if (p?.[1] === 'time') return { t: 'number' };
  const kind = p ? p[1] : s.startsWith('<origin:') ? 'url' : kindOf(s);
  return kind && STRING_KINDS.has(kind) ? { t: 'string', kind } : { t: 'string' };
}

export function shapeOf(v: unknown): Shape {
  if (typeof v === 'string') return stringShape(v);
  if (typeof v === 'number') return { t: 'number' };
  if (typeof v === 'boolean') return { t: 'boolean' };
  if (v === null || v === undefined) return { t: 'null' };
  if (Array.isArray(v)) return v.length ? { t: 'array', of: v.map(shapeOf).reduce(merge) } : { t: 'array' };
  const members = Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, { shape: shapeOf(x) }]));
  return { t: 'object', members };
}

/** Two element shapes as one: members missing from either become optional; a type conflict keeps the first. */
function merge(a: Shape, b: Shape): Shape {
  if (a.t === 'object' && b.t === 'object') {
    const members: Record<string, { shape: Shape; optional?: boolean }> = {};
    for (const k of new Set([...Object.keys(a.members), ...Object.keys(b.members)])) {
      const x = a.members[k];
      const y = b.members[k];
      members[k] = x && y ? { shape: merge(x.shape, y.shape), ...(x.optional || y.optional ? { optional: true } : {}) } : { shape: (x ?? y)!.shape, optional: true };
    }
    return { t: 'object', members };
  }
  if (a.t === 'array' && b.t === 'array') return { t: 'array', ...(a.of && b.of ? { of: merge(a.of, b.of) } : a.of || b.of ? { of: (a.of ?? b.of)! } : {}) };
  if (a.t === 'string' && b.t === 'string' && a.kind !== b.kind) return { t: 'string' };
  return a;
}

const name = (s: Shape): string => (s.t === 'string' && s.kind ? `string (${s.kind})` : s.t);

/**
 * Where a received shape differs from the recorded one, as `path: recorded X, received Y`:
 * another type or string form, a member that one side always has and the other never, a
 * member of an object (not of a listing's elements) that only one side has. An empty array
 * says nothing about its elements.
 */
export function shapeDifferences(rec: Shape, got: Shape, path = ''): string[] {
  const at = path || '(body)';
  if (rec.t !== got.t) return [`${at}: recorded ${name(rec)}, received ${name(got)}`];
  if (rec.t === 'string' && got.t === 'string') return rec.kind !== got.kind ? [`${at}: recorded ${name(rec)}, received ${name(got)}`] : [];
  if (rec.t === 'array' && got.t === 'array') return rec.of && got.of ? shapeDifferences(rec.of, got.of, `${path}[]`) : [];
  if (rec.t === 'object' && got.t === 'object') {
    const out: string[] = [];
    for (const k of new Set([...Object.keys(rec.members), ...Object.keys(got.members)])) {
      const r = rec.members[k];
      const g = got.members[k];
      const p = `${path}.${k}`;
      if (r && g) out.push(...shapeDifferences(r.shape, g.shape, p));
      else if (r && !r.optional) out.push(`${p}: recorded ${name(r.shape)}, received nothing`);
      else if (g && !g.optional) out.push(`${p}: not recorded, received ${name(g.shape)}`);
    }
    return out;
  }
  return [];
}
