/** One step of an alignment: indices into both lists, or into one of them only. */
export type Aligned = { a: number; b: number } | { a: number; b?: undefined } | { a?: undefined; b: number };

/** Above this many cells the caller aligns smaller pieces (memory: 4 bytes a cell). */
export const MAX_CELLS = 16_000_000;

/**
 * Aligns two sequences in order, maximising the summed score of the pairs it makes (`score`:
 * 0 = may not pair). Plain dynamic programming over a test's exchanges; what no pair takes
 * is on one side only.
 */
export function align(n: number, m: number, score: (i: number, j: number) => number): Aligned[] {
  const w = m + 1;
  const best = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = score(i, j);
      const skip = Math.max(best[(i + 1) * w + j]!, best[i * w + j + 1]!);
      best[i * w + j] = s ? Math.max(skip, best[(i + 1) * w + j + 1]! + s) : skip;
    }
  }
  const out: Aligned[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = score(i, j);
    if (s && best[i * w + j] === best[(i + 1) * w + j + 1]! + s) out.push({ a: i++, b: j++ });
    else if (best[(i + 1) * w + j]! >= best[i * w + j + 1]!) out.push({ a: i++ });
    else out.push({ b: j++ });
  }
  while (i < n) out.push({ a: i++ });
  while (j < m) out.push({ b: j++ });
  return out;
}
