import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ROOT } from '../../lib/paths.ts';

/** The parts of a V8 .cpuprofile (node --cpu-prof) this reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  /** `function (file:line)`, the file relative to the repository or under node_modules. */
  frame: string;
  url: string;
  ms: number;
}

const short = (url: string) => {
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('node_modules/');
  return nm >= 0 ? path.slice(nm + 'node_modules/'.length) : path.startsWith(ROOT) ? relative(ROOT, path) : path;
};

/** Self time per function, largest first: where the CPU actually went. */
export function selfTimes(file: string): { total: number; frames: SelfTime[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const ms = new Map<string, SelfTime>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!;
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const frame = `${f.functionName || '(anonymous)'} (${f.url ? `${short(f.url)}:${f.lineNumber + 1}` : 'native'})`;
    const t = ms.get(frame) ?? { frame, url: f.url, ms: 0 };
    t.ms += dt;
    ms.set(frame, t);
  });
  return { total, frames: [...ms.values()].sort((a, b) => b.ms - a.ms) };
}

/** Self time summed per category; `categorize` names the category of a frame's url and name. */
export function byCategory(frames: SelfTime[], categorize: (t: SelfTime) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of frames) out.set(categorize(t), (out.get(categorize(t)) ?? 0) + t.ms);
  return new Map([...out].sort((a, b) => b[1] - a[1]));
}
