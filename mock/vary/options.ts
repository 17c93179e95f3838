/**
 * `certconform mock --vary [only=a,b] [--vary-seed N]`: which kinds of choice the mock makes.
 * status: an error's status (and code) among the documented outcomes; pages: smaller pages of
 * marker-paged listings within the documented bounds; transient: documented throttling and
 * unavailability at a small rate; consistency: Azure's deleted store visible after a delay;
 * headers: header-name spelling and order.
 */
export const KINDS = ['status', 'pages', 'transient', 'consistency', 'headers'] as const;
export type Kind = (typeof KINDS)[number];

export interface VaryOptions {
  seed: number;
  kinds: ReadonlySet<Kind>;
}

/** Share of requests answered with a documented transient error (throttling, then 503). */
export const TRANSIENT_RATES = { throttle: 0.02, unavailable: 0.01 };
/** Upper bound of the Azure deleted-store delay: within the 14 s recorded, short enough for CI. */
export const MAX_CONSISTENCY_MS = 1500;

/** Parses the flag values; a bad one is an Error whose message is the sentence to print. */
export function parseVary(spec: string | true, seed: string | undefined): VaryOptions {
  const kinds = new Set<Kind>(KINDS);
  if (spec !== true) {
    const m = /^only=([a-z,]+)$/.exec(spec.trim());
    if (!m) throw new Error(`--vary takes nothing or only=KIND,... (kinds: ${KINDS.join(', ')}), got '${spec}'`);
    kinds.clear();
    for (const k of m[1]!.split(',').filter(Boolean)) {
      if (!(KINDS as readonly string[]).includes(k)) throw new Error(`--vary only=: unknown kind '${k}' (kinds: ${KINDS.join(', ')})`);
      kinds.add(k as Kind);
    }
  }
  if (seed !== undefined && !/^\d{1,9}$/.test(seed)) throw new Error(`--vary-seed must be a whole number, got '${seed}'`);
  return { seed: seed === undefined ? Math.floor(Math.random() * 1e9) : Number(seed), kinds };
}
