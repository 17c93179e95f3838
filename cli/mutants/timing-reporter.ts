import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Per target (provider@target): first test start to last test end (ms) of each of its projects, added, and how many tests ran. */
export interface ProjectTime {
  ms: number;
  tests: number;
}

export const TIMES_FILE = 'project-times.json';

/**
 * Records how long each Playwright project took (`certconform mutants`: one project per
 * mutant), into project-times.json in CERTCONFORM_REPORT_DIR beside conformance.json.
 */
export default class TimingReporter implements Reporter {
  private readonly spans = new Map<string, { start: number; end: number; tests: number; column: string }>();

  onTestEnd(test: TestCase, result: TestResult): void {
    const p = test.parent.project();
    const project = p?.name ?? '';
    // A target's clock phase (`<provider>@<target>:clock`) runs later: its span adds to the target's.
    const column = p?.metadata.provider && p.metadata.target ? `${String(p.metadata.provider)}@${String(p.metadata.target)}` : project;
    const start = result.startTime.getTime();
    const end = start + result.duration;
    const s = this.spans.get(project);
    if (!s) this.spans.set(project, { start, end, tests: 1, column });
    else Object.assign(s, { start: Math.min(s.start, start), end: Math.max(s.end, end), tests: s.tests + 1 });
  }

  onEnd(): void {
    const dir = process.env.CERTCONFORM_REPORT_DIR;
    if (!dir) return;
    const times: Record<string, ProjectTime> = {};
    for (const s of this.spans.values()) {
      const t = (times[s.column] ??= { ms: 0, tests: 0 });
      t.ms += s.end - s.start;
      t.tests += s.tests;
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, TIMES_FILE), `${JSON.stringify(times, null, 2)}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
