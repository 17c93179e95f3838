import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MANIFEST, RECORDING_VERSION, type RecordingManifest } from '../lib/recording/format.ts';
import { compareRecordings, readManifest, readTests, RecordingError } from '../lib/recording/load.ts';
import type { ConformanceReport } from '../reports/report.ts';
import { divergenceLines } from './record-print.ts';
import { UsageError } from './mock.ts';
import type { RunOptions } from './run-options.ts';

export interface RecordFlags {
  record?: string;
  compare?: string;
  failOnDivergence?: boolean;
}

/** A folder a recording may be written to: absent, empty, or an earlier recording (replaced). */
function freshDir(dir: string, flag: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${flag} ${dir}: a file is there, not a folder`);
    const holds = readdirSync(dir);
    if (holds.length && !holds.includes(MANIFEST)) throw new UsageError(`${flag} ${dir}: the folder holds files that are not a recording; give an empty or new folder`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
}

/**
 * `run --record DIR` and `run --compare DIR`, before the run: the flags checked, and for a
 * comparison the recording's seed, runs and selection, so the same tests run the same way.
 */
export function prepareRecording(opts: RunOptions & RecordFlags) {
  if (opts.record && opts.compare) throw new UsageError('--record and --compare go in separate runs: record once, then compare against it');
  if (opts.failOnDivergence && !opts.compare) throw new UsageError('--fail-on-divergence goes with --compare DIR');
  let manifest: RecordingManifest | undefined;
  const adjusted: RunOptions = { ...opts };
  if (opts.compare) {
    try {
      manifest = readManifest(resolve(opts.compare));
    } catch (e) {
      throw new UsageError(`--compare ${(e as Error).message}`);
    }
    const same = (flag: string, given: string | undefined, recorded: number) => {
      if (given !== undefined && given !== String(recorded)) throw new UsageError(`--compare: the recording ran with ${flag} ${recorded}; compare with the same ${flag} (or leave it out)`);
    };
    same('--seed', opts.seed, manifest.seed);
    same('--runs', opts.runs, manifest.runs);
    Object.assign(adjusted, { seed: String(manifest.seed), runs: String(manifest.runs) });
    if (opts.grep === undefined && manifest.grep) adjusted.grep = manifest.grep;
    if (opts.safe === undefined && manifest.safe) adjusted.safe = true;
  }
  return {
    opts: adjusted,
    /** The workers' variables (RunInfo.record): where each test's file goes. */
    env(reportDir: string): Record<string, string> {
      if (opts.record) {
        freshDir(resolve(opts.record), '--record');
        return { CERTCONFORM_RECORD_DIR: resolve(opts.record) };
      }
      if (opts.compare) {
        // The report dir's own folder: what the last comparison received, replaced each time.
        rmSync(join(reportDir, 'received'), { recursive: true, force: true });
        mkdirSync(join(reportDir, 'received'), { recursive: true });
        return { CERTCONFORM_RECORD_DIR: join(reportDir, 'received'), CERTCONFORM_RECORD_CURL: '1' };
      }
      return {};
    },
    /** After the run: the manifest written, or the comparison printed; the exit code it leaves. */
    after(report: ConformanceReport, reportDir: string, verdict: { code: number; why: string }): { code: number; why: string } {
      const providers = [...new Set(report.run.targets.map((t) => t.provider))];
      if (opts.record) {
        const m: RecordingManifest = {
          version: RECORDING_VERSION, tool: report.run.tool, seed: report.run.seed ?? 0, runs: report.run.runs ?? 25, providers,
          ...(report.run.selection?.grep ? { grep: report.run.selection.grep } : {}), ...(report.run.selection?.safe ? { safe: true } : {}),
          recorded: report.run.finished,
        };
        writeFileSync(join(resolve(opts.record), MANIFEST), `${JSON.stringify(m, null, 2)}\n`);
        console.log(`recording: ${resolve(opts.record)} (${readTests(resolve(opts.record)).size} tests, seed ${m.seed}); compare with \`certconform run --compare ${opts.record} --target ...\``);
        return verdict;
      }
      if (!opts.compare || !manifest) return verdict;
      let c: ReturnType<typeof compareRecordings>;
      try {
        c = compareRecordings(readTests(resolve(opts.compare)), readTests(join(reportDir, 'received')), providers);
      } catch (e) {
        if (!(e instanceof RecordingError)) throw e;
        console.error(`certconform run: --compare ${e.message}`);
        return { code: 2, why: 'the recording could not be read' };
      }
      const file = join(reportDir, 'divergences.json');
      writeFileSync(file, `${JSON.stringify({ version: 1, recording: resolve(opts.compare), seed: manifest.seed, ...c }, null, 2)}\n`);
      for (const line of divergenceLines(c, opts.compare, manifest.seed)) console.log(line);
      console.log(`divergences: ${file}`);
      if (!c.divergences.length || !opts.failOnDivergence || verdict.code === 2) return verdict;
      const n = `${c.divergences.length} divergence${c.divergences.length === 1 ? '' : 's'} from the recording`;
      return { code: 1, why: verdict.code === 1 ? `${verdict.why}; ${n}` : `${n} (--fail-on-divergence); ${verdict.why}` };
    },
  };
}
