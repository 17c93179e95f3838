import type { ConformanceReport } from '../report.ts';

/** Which target of BASE is compared with which target of HEAD, provider by provider. */
export interface TargetPair {
  provider: string;
  base: string;
  head: string;
}

const targetsOf = (r: ConformanceReport) => r.run.targets.map((t) => ({ provider: t.provider as string, target: t.target, sha: t.spec.sha256 }));

/**
 * Targets with the same name are compared with each other. Where a provider has exactly one
 * target on each side under different names (the mock's run against an emulator's, two ports
 * of one host), those two are compared, and a note says so; any other target is left out.
 */
export function pairTargets(base: ConformanceReport, head: ConformanceReport): { pairs: TargetPair[]; notes: string[] } {
  const b = targetsOf(base);
  const h = targetsOf(head);
  const pairs: TargetPair[] = [];
  const notes: string[] = [];
  const providers = [...new Set([...b, ...h].map((t) => t.provider))];
  for (const p of providers) {
    const bs = b.filter((t) => t.provider === p).map((t) => t.target);
    const hs = h.filter((t) => t.provider === p).map((t) => t.target);
    const same = bs.filter((t) => hs.includes(t));
    for (const t of same) pairs.push({ provider: p, base: t, head: t });
    const bLeft = bs.filter((t) => !same.includes(t));
    const hLeft = hs.filter((t) => !same.includes(t));
    if (!same.length && bLeft.length === 1 && hLeft.length === 1) {
      pairs.push({ provider: p, base: bLeft[0]!, head: hLeft[0]! });
      notes.push(`${p}: BASE's target ${bLeft[0]} is compared with HEAD's target ${hLeft[0]}`);
      continue;
    }
    if (bLeft.length) notes.push(`only in BASE, not compared: ${bLeft.map((t) => `${p}@${t}`).join(', ')}`);
    if (hLeft.length) notes.push(`only in HEAD, not compared: ${hLeft.map((t) => `${p}@${t}`).join(', ')}`);
  }
  return { pairs, notes };
}

/** `provider@target`, or `provider@base→head` when a pair joins two names. */
export const pairName = (p: TargetPair): string => (p.base === p.head ? `${p.provider}@${p.head}` : `${p.provider}@${p.base}→${p.head}`);
