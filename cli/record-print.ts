import type { Divergence } from '../lib/recording/compare.ts';
import type { RecordingComparison } from '../lib/recording/load.ts';
import { idList, plural } from '../reports/counts.ts';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const line = (d: Divergence) =>
  `    step ${d.step ?? '-'}${d.recordedStep !== undefined && d.recordedStep !== d.step ? ` (recorded step ${d.recordedStep})` : ''} ${d.operation}: recorded ${d.recorded}, received ${d.received}; ${clip(d.what.join('; '), 160)}`;

/** Per diverging test its first divergence (where the target first answered otherwise) with the curl line, then counts. */
export function divergenceLines(c: RecordingComparison, dir: string, seed: number): string[] {
  const byTest = new Map<string, Divergence[]>();
  for (const d of c.divergences) byTest.set(d.test, [...(byTest.get(d.test) ?? []), d]);
  const out = [`compared with the recording ${dir} (seed ${seed}): ${plural(c.compared, 'test')}, ${c.tests} diverging (${plural(c.divergences.length, 'divergence')})`];
  for (const [test, list] of byTest) {
    const first = list[0]!;
    out.push(`  ${test}`, line(first));
    if (first.curl) out.push(`    ${clip(first.curl, 300)}`);
    if (list.length > 1) out.push(`    and ${list.length - 1} more in this test (${idList([...new Set(list.slice(1).map((d) => d.operation))], 4)})`);
  }
  if (c.notRun.length) out.push(`${plural(c.notRun.length, 'recorded test')} did not run this time (not compared): ${idList(c.notRun, 3)}`);
  if (c.notRecorded.length) out.push(`${plural(c.notRecorded.length, 'test')} not in the recording (not compared): ${idList(c.notRecorded, 3)}`);
  return out;
}
