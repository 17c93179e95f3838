import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { codeFile, defaultReportDir } from '../lib/paths.ts';
import { BlobError, checkBlobs, findBlobs, readBlob, type ShardBlob } from '../reports/merge/blobs.ts';
import type { ConformanceReport } from '../reports/report.ts';
import { verdictOf } from './run.ts';

const PLAYWRIGHT = createRequire(import.meta.url).resolve('@playwright/test/cli');
const MERGE_CONFIG = codeFile('reports/merge/merge.config.ts');

/**
 * `certconform report merge DIR...`: the shards' blob reports, checked to be one whole run,
 * go through `playwright merge-reports` with the conformance reporter, which writes one
 * conformance.json, index.html and junit.xml (and Playwright's HTML report) for the whole run.
 * Exit code as for `run`: 0 conformant, 1 a MUST rule not met, 2 bad input or setup error.
 */
export async function mergeCommand(dirs: string[], opts: { reportDir?: string }): Promise<number> {
  let blobs: ShardBlob[];
  try {
    blobs = findBlobs(dirs.map((d) => resolve(d))).map(readBlob);
    checkBlobs(blobs);
  } catch (e) {
    if (!(e instanceof BlobError)) throw e;
    console.error(`certconform report merge: ${e.message}`);
    return 2;
  }
  const reportDir = resolve(opts.reportDir ?? defaultReportDir());
  if (existsSync(reportDir) && !statSync(reportDir).isDirectory()) {
    console.error(`certconform report merge: --report-dir ${opts.reportDir}: a file is there, not a folder`);
    return 2;
  }
  // merge-reports reads one folder and unpacks into it: give it a scratch copy of the blobs.
  const work = mkdtempSync(join(tmpdir(), 'cc-merge-'));
  const started = Date.now();
  let pwCode: number;
  try {
    for (const b of blobs) copyFileSync(b.file, join(work, `report-${b.shard.current}-of-${b.shard.total}.zip`));
    const child = spawn(process.execPath, [PLAYWRIGHT, 'merge-reports', '-c', MERGE_CONFIG, work], { stdio: 'inherit', env: { ...process.env, CERTCONFORM_REPORT_DIR: reportDir } });
    pwCode = await new Promise<number>((done) => child.on('exit', (code, signal) => done(code ?? (signal ? 130 : 1))));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const file = join(reportDir, 'conformance.json');
  const fresh = existsSync(file) && statSync(file).mtimeMs >= started - 1000;
  const report = fresh ? (JSON.parse(readFileSync(file, 'utf8')) as ConformanceReport) : undefined;
  if (!report || report.run.runId !== blobs[0]!.run.runId) {
    console.error(`certconform report merge: playwright merge-reports exited ${pwCode} without writing ${file}: see its output above`);
    return 2;
  }
  const { code, why } = verdictOf(report);
  console.log(`certconform report merge: ${blobs.length} shard(s) of run ${report.run.runId} (seed ${report.run.seed}): ${why}; exit ${code}`);
  return code;
}
