import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { interruptedPhrase } from '../reports/counts.ts';
import type { ConformanceReport } from '../reports/report.ts';
import { outstanding } from '../suites/support/ledger.ts';
import { cleanupCommand } from './cleanup.ts';

/**
 * Ctrl-C and SIGTERM while `certconform run` waits on Playwright: the first one is passed on as
 * SIGINT (Playwright then stops its workers, runs the global teardown and the reporters, which
 * mark the report interrupted); later ones too (Playwright's second SIGINT stops it hard).
 * Returns whether a signal came, and a function that removes the handlers.
 */
export function forwardSignals(child: ChildProcess): { signalled: () => boolean; dispose: () => void } {
  let got = false;
  const forward = () => {
    got = true;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return {
    signalled: () => got,
    dispose: () => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
    },
  };
}

/**
 * After an interrupted run: delete what this run created and did not delete (its ledger), then
 * one line, no verdict; exit 130. The built-in mock stopped with the run, and what it held with it.
 */
export async function afterInterrupt(o: { reportDir: string; runId: string; ownMock: boolean; report?: ConformanceReport }): Promise<number> {
  const ledger = join(o.reportDir, o.runId, 'ledger.jsonl');
  const left = existsSync(ledger) ? outstanding(ledger).length : 0;
  if (left && o.ownMock) console.log(`certconform run: the built-in mock stopped with the run; the ${left} resource(s) its ledger lists went with it`);
  else if (left) {
    console.log(`certconform run: cleaning up what this run created (${ledger})`);
    const code = await cleanupCommand({ ledger });
    if (code !== 0) console.error(`certconform run: cleanup left resources behind; run \`npx certconform cleanup --ledger ${ledger}\` once the target answers`);
  }
  const stopped = o.report?.run.runId === o.runId ? o.report.run.interrupted : undefined;
  console.log(`certconform run: ${stopped ? interruptedPhrase(stopped) : 'interrupted before the report was written: no verdict'}; exit 130`);
  return 130;
}
