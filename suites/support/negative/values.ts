type Schema = Record<string, unknown>;

/** A string that breaks `pattern` while keeping the length bounds (undefined if none found). */
export function patternBreaker(schema: Schema): string | undefined {
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : undefined;
  if (!pattern) return undefined;
  const min = Number(schema.minLength ?? 1);
  const max = Number(schema.maxLength ?? Math.max(min, 8));
  const len = Math.min(Math.max(min, 8), max);
  for (const ch of ['!', ' ', '_', '.', '/', 'é', '*', 'Z', 'z', '0', '-', '\u0000']) {
    const candidate = ch.repeat(len);
    if (!pattern.test(candidate)) return candidate;
  }
  return undefined;
}

/** A value that matches `pattern` at a given length, for length cases that must not trip the pattern. */
export function filler(schema: Schema, length: number): string {
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : undefined;
  for (const ch of ['a', '0', 'A', 'f', '1', 'x', '-']) {
    const s = ch.repeat(length);
    if (!pattern || pattern.test(s)) return s;
  }
  // The pattern itself fixes the length (e.g. exactly 64 hex): the length case stands on its own.
  return 'a'.repeat(length);
}
