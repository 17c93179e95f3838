import type { Project } from '@playwright/test';

/**
 * The isolated clock phase. A test that moves a target's clock (tag `@clock`) would expire what
 * parallel tests hold, so on a target whose clock can move it runs in a project of its own,
 * `<provider>@<target>:clock`: one worker, a Playwright teardown of the target's main project
 * (it starts once every other project has finished, failed tests or not), with the same
 * provider/target metadata so the report folds its verdicts into the target's column. The main
 * project leaves `@clock` tests out. A target without the capability has no such phase: its
 * `@clock` tests run in the main project and report their rules not run.
 */
export const CLOCK_TAG = '@clock';
export const CLOCK_PHASE = 'clock';
const TAG = `${CLOCK_TAG}(?=\\s|$)`;

/** What a target entry selects (regex sources, as CERTCONFORM_TARGETS carries them). */
export interface Selection {
  grep?: string;
  grepInvert?: string;
  workers?: number;
}

type Base = Project & { name: string; metadata: Record<string, unknown> };

/** `--grep` as Playwright reads it: `/src/flags` or a case-insensitive source. */
function cliRegex(grep: string): { source: string; flags: string } {
  const m = /^\/(.*)\/([gi]*)$/.exec(grep);
  return m ? { source: m[1]!, flags: m[2]!.replace('g', '') } : { source: grep, flags: 'i' };
}

/**
 * A target's projects: the main one and, when its clock can move, the clock phase. `cliGrep`
 * (the run's --grep) is folded into the phase's own grep: Playwright does not apply --grep to
 * a teardown project.
 */
export function targetProjects(base: Base, sel: Selection, movable: boolean, cliGrep?: string): Project[] {
  const main: Project = {
    ...base,
    ...(sel.grep ? { grep: new RegExp(sel.grep) } : {}),
    ...(sel.grepInvert || movable ? { grepInvert: new RegExp([sel.grepInvert && `(?:${sel.grepInvert})`, movable && TAG].filter(Boolean).join('|')) } : {}),
    ...(sel.workers ? { workers: sel.workers } : {}),
  };
  if (!movable) return [main];
  const name = `${base.name}:${CLOCK_PHASE}`;
  const cli = cliGrep ? cliRegex(cliGrep) : undefined;
  const all = [TAG, sel.grep, cli?.source].filter((s): s is string => !!s).map((s) => `(?=.*(?:${s}))`);
  const clock: Project = {
    ...base,
    name,
    metadata: { ...base.metadata, phase: CLOCK_PHASE },
    grep: new RegExp(`^${all.join('')}`, cli?.flags ?? ''),
    ...(sel.grepInvert ? { grepInvert: new RegExp(sel.grepInvert) } : {}),
    workers: 1,
  };
  return [{ ...main, teardown: name }, clock];
}

/** Whether a project (a test's `testInfo.project`) is a clock phase, where moving the clock is safe. */
export const isClockPhase = (project: { metadata?: Record<string, unknown> }) => project.metadata?.phase === CLOCK_PHASE;
