import { availableParallelism } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { defaultReportDir } from '../lib/paths.ts';
import type { Provider } from '../lib/providers.ts';
import type { Mutant } from '../mock/mutants/mutant.ts';
import { UsageError } from './mock.ts';
import { startMutantMock, type MockProcess } from './mutants/mock-process.ts';
import { runPhase, type PhaseOptions } from './mutants/phase.ts';
import { CONTROL, phaseProjects, type PhaseName } from './mutants/plan.ts';
import { listTable, resultTable } from './mutants/print.ts';
import { addPhase, caught, emptyResult, MUTANTS_REPORT_VERSION, scoreOf, writeMutantsReport, type MutantsReport } from './mutants/result.ts';
import { selectMutants } from './mutants/select.ts';

export interface MutantsOptions {
  only?: string[];
  provider?: string;
  list?: boolean;
  runs?: string;
  full?: boolean;
  reportDir?: string;
  workers?: string;
  seed?: string;
}

const int = (flag: string, v: string | undefined, min: number): string | undefined => {
  if (v !== undefined && (!/^\d+$/.test(v) || Number(v) < min)) throw new UsageError(`${flag} must be an integer >= ${min}, got '${v}'`);
  return v;
};

/** The unmutated engine must pass what the mutants run, else a "kill" may be the suite's own failure. */
export function controlProblems(report: Awaited<ReturnType<typeof runPhase>>['report'], mutants: Mutant[]): string[] {
  const providers = [...new Set(mutants.map((m) => m.name.split('/')[0]!))];
  const bad = providers.flatMap((p) => caught(report, p as Provider, CONTROL).map((id) => `${id}@${p}`));
  return [...(report.run.setupErrors ?? []), ...bad];
}

/**
 * `certconform mutants`: the suite against each mutant of the mock (mock/mutants/). A mutant is
 * killed when a rule fails or errors against it while the unmutated control passes. Exit 0
 * every observable mutant killed, 1 one survived, 2 usage or setup (the control failing included).
 */
export async function mutantsCommand(opts: MutantsOptions): Promise<number> {
  let selected: Mutant[];
  let base: Omit<PhaseOptions, 'dir' | 'runId' | 'stopAtFirstFailure'>;
  let dir: string;
  try {
    selected = selectMutants(opts.only ?? [], opts.provider);
    base = {
      // Twice the cores: a mutant's worker mostly waits on the mock (polls, properties), and
      // each mutant needs its own worker, whose start is the other half of the cost.
      workers: int('--workers', opts.workers, 1) ?? String(2 * Math.max(2, availableParallelism())),
      seed: int('--seed', opts.seed, 0) ?? String(Date.now() % 2 ** 31),
      runs: int('--runs', opts.runs, 1),
    };
    dir = opts.reportDir ? (isAbsolute(opts.reportDir) ? opts.reportDir : resolve(opts.reportDir)) : defaultReportDir();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`certconform mutants: ${e.message}`);
    return 2;
  }
  if (opts.list) {
    console.log(listTable(selected));
    return 0;
  }
  const started = new Date();
  const rows = selected.map(emptyResult);
  const observable = selected.filter((m) => !m.unobservable);
  const report: MutantsReport = {
    version: MUTANTS_REPORT_VERSION,
    run: { started: started.toISOString(), finished: '', seed: Number(base.seed), ...(base.runs ? { runs: Number(base.runs) } : {}), full: !!opts.full, workers: Number(base.workers), phases: [] },
    score: scoreOf(rows),
    mutants: rows,
  };
  let mock: MockProcess | undefined;
  try {
    if (observable.length) {
      console.log(`certconform mutants: ${observable.length} mutant(s), seed ${base.seed}; starting the mock`);
      mock = await startMutantMock(observable.map((m) => m.name));
    }
    let pending = observable;
    for (const phase of (opts.full ? ['full'] : ['targeted', 'model']) as PhaseName[]) {
      if (!pending.length || !mock) break;
      const projects = phaseProjects(phase, pending, mock);
      const t0 = Date.now();
      const runId = `m${Date.now().toString(36)}`;
      process.stdout.write(`phase ${phase}: ${pending.length} mutant(s)${phase === 'model' ? ' that survived the scenario tests' : ''} ... `);
      const { report: phaseReport, times, log } = await runPhase(projects, { ...base, dir: join(dir, 'mutants', phase), runId, stopAtFirstFailure: !opts.full });
      report.run.phases.push({ phase, projects: projects.length, ms: Date.now() - t0, log });
      console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const problems = controlProblems(phaseReport, pending);
      if (problems.length) {
        console.error(`certconform mutants: the unmutated control failed (${problems.slice(0, 8).join('; ')}): kills would mean nothing. Fix the suite or the mock first; see ${log}`);
        return 2;
      }
      for (const m of pending) addPhase(rows[selected.indexOf(m)]!, m, phase, phaseReport, times);
      pending = pending.filter((m) => rows[selected.indexOf(m)]!.outcome === 'survived');
    }
  } catch (e) {
    console.error(`certconform mutants: ${(e as Error).message}`);
    return 2;
  } finally {
    await mock?.stop();
  }
  report.run.finished = new Date().toISOString();
  report.score = scoreOf(rows);
  const file = writeMutantsReport(dir, report);
  console.log(`mutants report: ${file}\n\n${resultTable(report)}`);
  return report.score.survived ? 1 : 0;
}
