import type { Section } from './adapter.ts';

/**
 * A provider's section as records: one per entry of a collection (`certificates/<id>`) and
 * one per scalar (`lastIdMs`), each held as its JSON text. Two record sets compare by text,
 * so the change a request made is the records that differ: what the durable log writes.
 */
export type Records = Map<string, string>;

/** One log line's worth of change to one provider's records (values as JSON text). */
export interface Delta {
  set: [key: string, json: string][];
  del: string[];
}

export function recordsOf(section: Section, keys: Record<string, (entry: any) => string>): Records {
  const records: Records = new Map();
  for (const [name, value] of Object.entries(section)) {
    if (value === undefined) continue;
    if (!Array.isArray(value)) {
      records.set(name, JSON.stringify(value));
      continue;
    }
    const keyOf = keys[name];
    if (!keyOf) throw new Error(`no record key for the collection '${name}'`);
    for (const entry of value) records.set(`${name}/${encodeURIComponent(keyOf(entry))}`, JSON.stringify(entry));
  }
  return records;
}

/** What turns `before` into `after`, or undefined when nothing changed. */
export function diff(before: Records, after: Records): Delta | undefined {
  const set = [...after].filter(([k, v]) => before.get(k) !== v);
  const del = [...before.keys()].filter((k) => !after.has(k));
  return set.length || del.length ? { set, del } : undefined;
}

/** Applies a delta in place. Sets and deletes are absolute, so replaying one twice is harmless. */
export function apply(records: Records, delta: Delta): void {
  for (const k of delta.del) records.delete(k);
  for (const [k, v] of delta.set) records.set(k, v);
}

/** The section the records describe (collections in first-seen order, entries in record order). */
export function sectionOf(records: Records): Section {
  const section: Section = {};
  for (const [k, v] of records) {
    const slash = k.indexOf('/');
    if (slash < 0) section[k] = JSON.parse(v);
    else ((section[k.slice(0, slash)] ??= []) as unknown[]).push(JSON.parse(v));
  }
  return section;
}
