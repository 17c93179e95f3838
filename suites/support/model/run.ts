import fc from 'fast-check';
import type { StepLog } from '../http/steps.ts';
import { ConformanceFailure } from '../verdict/failure.ts';
import type { Verdicts } from '../verdict/recorder.ts';
import type { Provider } from '../../../lib/providers.ts';
import { replayCommand } from '../replay.ts';
import type { RunInfo } from '../run-info.ts';

export interface ModelRunOptions<M extends object, R> {
  /** The command arbitraries (one per API operation); the runner builds fc.commands from them. */
  commands: fc.Arbitrary<fc.AsyncCommand<M, R>>[];
  maxCommands?: number;
  /** A fresh model and system for one sequence (resources of earlier sequences stay apart). */
  setup(): Promise<{ model: M; real: R }>;
  /** Deletes what the sequence created; runs after every sequence, failed or not. */
  teardown(real: R): Promise<void>;
  /** Checked after every command (deletion invariants); throws ConformanceFailure. */
  invariants?(model: M, real: R): Promise<void>;
  info: RunInfo;
  log: StepLog;
  verdicts: Verdicts;
  /** How to name this property in a replay command (`--grep`). */
  grep: string;
  provider: Provider;
}

// `--path` carries fast-check's path and the commands' replayPath: `<path>~<replayPath>`.
const splitPath = (p?: string) => (p ? { path: p.split('~')[0], replayPath: p.split('~')[1] } : {});
const REPLAY_IN = /replayPath="([^"]*)"/;

/**
 * Runs a model-based property (fc.asyncModelRun over fc.commands) the way the suites need it:
 * with the run's seed, replayable from `--seed --path`, the deletion invariants checked after
 * every command, and on failure the shrunk sequence as readable steps, its HTTP exchanges and
 * the exact replay command attached to the ConformanceFailure (which the test then throws).
 */
export async function runModel<M extends object, R>(o: ModelRunOptions<M, R>): Promise<void> {
  const { path, replayPath } = splitPath(o.info.path);
  let ran: string[] = [];
  // A wrapper per generated command: invariants after each run, and the resolved step text
  // (toString after run) kept in order for the report.
  const wrap = (arb: fc.Arbitrary<fc.AsyncCommand<M, R>>) =>
    arb.map(
      (cmd): fc.AsyncCommand<M, R> => ({
        check: (m) => cmd.check(m),
        run: async (m, r) => {
          try {
            await cmd.run(m, r);
          } finally {
            ran.push(cmd.toString());
          }
          await o.invariants?.(m, r);
        },
        toString: () => cmd.toString(),
      }),
    );
  const arb = fc.commands(o.commands.map(wrap), { maxCommands: o.maxCommands ?? 12, ...(replayPath ? { replayPath } : {}) });
  let last: { error: unknown; steps: ReturnType<StepLog['all']>; sequence: string[]; replayPath?: string } | undefined;
  const property = fc.asyncProperty(arb, async (cmds) => {
    o.log.restart();
    ran = [];
    const { model, real } = await o.setup();
    try {
      await fc.asyncModelRun(() => ({ model, real }), cmds);
    } catch (error) {
      last = { error, steps: o.log.all(), sequence: ran, replayPath: String(cmds).match(REPLAY_IN)?.[1] };
      throw error;
    } finally {
      await o.teardown(real);
    }
  });
  const details = await fc.check(property, { seed: o.info.seed, numRuns: o.info.runs, ...(path ? { path } : {}) });
  if (!details.failed) return;
  const error = last?.error ?? details.errorInstance;
  if (!(error instanceof ConformanceFailure)) throw error;
  const rp = last?.replayPath;
  const fullPath = `${details.counterexamplePath ?? ''}${rp ? `~${rp}` : ''}`;
  error.steps.splice(0, error.steps.length, ...(last?.steps ?? []));
  error.sequence = (last?.sequence ?? []).map((s, i) => `${i + 1}. ${s}`);
  error.replay = {
    seed: details.seed,
    path: fullPath,
    // Reaches the same target the same way (--target, --engine, --runs, the credential source by name).
    command: replayCommand(o.info.reachedBy, o.provider, { seed: details.seed, path: fullPath, grep: o.grep.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') }),
  };
  error.message += `\nShrunk sequence (${error.sequence.length} steps):\n${error.sequence.join('\n')}\nReproduce with: ${error.replay.command}`;
  o.verdicts.replaceFailure(error);
  throw error;
}
