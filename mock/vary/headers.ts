import type { Draws } from './random.ts';

// Spellings of a field name: all lower case, or each dash-separated part capitalised.
const SPELLINGS = [(n: string) => n.toLowerCase(), (n: string) => n.toLowerCase().replace(/(^|-)([a-z])/g, (_, d, c: string) => d + c.toUpperCase())];

export type Spellings = Map<string, { spelt: string; rank: number }>;

/**
 * The reply's header fields with names respelt and reordered: one spelling and one rank per
 * name for the whole run (drawn when the name is first sent; `onNew` logs it), so a client
 * that matches names case-sensitively, or expects an order, fails on some seed.
 */
export function shapeHeaders(headers: Record<string, string>, known: Spellings, draws: Draws, onNew: (name: string, spelt: string) => void) {
  const merged = new Map<string, string>();
  for (const [k, v] of Object.entries(headers)) merged.set(k.toLowerCase(), v);
  const fields = [...merged].map(([name, value]) => {
    let s = known.get(name);
    if (!s) {
      s = { spelt: draws.pick(`headers:spelling:${name}`, SPELLINGS)(name), rank: draws.next(`headers:rank:${name}`) };
      known.set(name, s);
      onNew(name, s.spelt);
    }
    return { ...s, value };
  });
  return Object.fromEntries(fields.sort((a, b) => a.rank - b.rank).map((f) => [f.spelt, f.value]));
}
