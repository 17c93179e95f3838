import { randomBytes } from 'node:crypto';

/**
 * A certificate name for this run: `cc-<runId>-<tag>-<random>`, within the documented
 * 3..63 characters of [A-Za-z0-9_.-], so a real account's leftovers are attributable to a run.
 */
export function certName(runId: string, tag: string): string {
  const safeTag = tag.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 20);
  return `cc-${runId}-${safeTag}-${randomBytes(3).toString('hex')}`.slice(0, 63);
}

/** A well-formed (16-character) certificate id that no implementation hands out: ids are `scs` + digits. */
export function neverExistedId(n = 0): string {
  return `ccnever${String(Math.abs(n) % 1e9).padStart(9, '0')}`;
}
