import type { ConformanceReport } from '../report.ts';
import type { TargetPair } from './pairing.ts';

/**
 * What differs between the two reports' tools and specs. Where anything does, a rule one side
 * does not know is not a change of the implementation: the diff keeps only the rules both know.
 */
export function versionDifferences(base: ConformanceReport, head: ConformanceReport, pairs: TargetPair[]): string[] {
  const out: string[] = [];
  const bt = base.run.tool.version;
  const ht = head.run.tool.version;
  if (bt !== ht) out.push(`tool ${bt} vs ${ht}`);
  const sha = (r: ConformanceReport, p: string, t: string) => r.run.targets.find((x) => x.provider === p && x.target === t)?.spec.sha256;
  const specs = new Set<string>();
  for (const p of pairs) {
    if (sha(base, p.provider, p.base) !== sha(head, p.provider, p.head)) specs.add(p.provider);
  }
  for (const p of specs) out.push(`${p} spec sha256 differs`);
  return out;
}
