import { readFileSync } from 'node:fs';

/** The parts of Playwright's JSON reporter output (PLAYWRIGHT_JSON_OUTPUT_NAME) this reads. */
interface JsonSuite {
  file?: string;
  specs?: { title: string; tests: { projectName: string; results: { duration: number; status: string }[] }[] }[];
  suites?: JsonSuite[];
}

export interface TestTiming {
  file: string;
  title: string;
  project: string;
  ms: number;
  status: string;
}

/** Every test result with its duration, flattened. */
export function testTimings(file: string): { timings: TestTiming[]; durationMs: number } {
  const report = JSON.parse(readFileSync(file, 'utf8')) as { suites: JsonSuite[]; stats: { duration: number } };
  const out: TestTiming[] = [];
  const walk = (s: JsonSuite, path: string) => {
    for (const spec of s.specs ?? []) {
      for (const t of spec.tests) for (const r of t.results) out.push({ file: s.file ?? path, title: spec.title, project: t.projectName, ms: r.duration, status: r.status });
    }
    for (const child of s.suites ?? []) walk(child, s.file ?? path);
  };
  for (const s of report.suites) walk(s, s.file ?? '');
  return { timings: out, durationMs: report.stats.duration };
}
