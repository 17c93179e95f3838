/**
 * Seeded draws for `certconform mock --vary`. Each decision stream (a kind of choice at one
 * operation, say `status:DeleteCertificate:ThrottlingException`) has its own counter, and
 * draw n of a stream is a hash of (seed, stream, n): a client that sends the same requests
 * gets the same choices, whatever other clients do meanwhile on other operations.
 */
function hash32(text: string, seed: number): number {
  // FNV-1a over the text, then murmur3's finaliser so nearby inputs land far apart.
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export class Draws {
  private readonly counters = new Map<string, number>();

  constructor(readonly seed: number) {}

  /** The next number in [0, 1) of a stream. */
  next(stream: string): number {
    const n = this.counters.get(stream) ?? 0;
    this.counters.set(stream, n + 1);
    return hash32(`${stream}#${n}`, this.seed) / 2 ** 32;
  }

  /** One of `items`, uniformly. */
  pick<T>(stream: string, items: readonly T[]): T {
    return items[Math.min(items.length - 1, Math.floor(this.next(stream) * items.length))]!;
  }

  /** An integer in [lo, hi], log-uniform: small pages as often as large ones. */
  logInt(stream: string, lo: number, hi: number): number {
    if (hi <= lo) return lo;
    const x = Math.exp(Math.log(lo) + this.next(stream) * (Math.log(hi + 1) - Math.log(lo)));
    return Math.min(hi, Math.max(lo, Math.floor(x)));
  }
}
