import { test } from '@playwright/test';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { SetupError } from '../verdict/failure.ts';

/**
 * A target that stopped answering mid-run (a crashed or killed server): the tests running
 * when it went fail with one sentence naming it, and every test that starts later is skipped
 * with that sentence instead of failing the same way, each in a freshly restarted worker.
 * Workers are processes, so the run shares what it found through a file beside its ledger.
 */
export class TargetUnreachable extends SetupError {}

/** Socket-level failures: no HTTP answer at all (what a dead server gives). */
const CONNECTION = /^(ECONNREFUSED|ECONNRESET|EPIPE|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNABORTED)$/;
export const isConnectionFailure = (e: unknown) => CONNECTION.test(String((e as { code?: unknown })?.code ?? '')) || /socket hang up/.test(String((e as Error)?.message));

const known = new Map<string, string>();
const markerFile = (env = process.env) => (env.CERTCONFORM_RUN_ID && env.CERTCONFORM_REPORT_DIR ? join(env.CERTCONFORM_REPORT_DIR, env.CERTCONFORM_RUN_ID, 'unreachable.tsv') : undefined);

/**
 * Does anything still answer HTTP there? A reset on a live server is not a dead target, and
 * a dying process's kernel may still complete a TCP handshake: only an HTTP answer counts.
 */
export function answers(origin: string, timeoutMs = 3_000): Promise<boolean> {
  const https = origin.startsWith('https:');
  return new Promise((resolve) => {
    // Any status will do; the certificate is not the question here.
    const r = (https ? httpsRequest : httpRequest)(`${origin}/`, { method: 'GET', timeout: timeoutMs, agent: false, ...(https ? { rejectUnauthorized: false } : {}) }, (res) => {
      res.resume();
      resolve(true);
    });
    r.once('error', () => resolve(false));
    r.once('timeout', () => r.destroy());
    r.end();
  });
}

/**
 * The error the test that found the target gone fails with; inside a run (certconform run sets
 * its id and report dir) it is also recorded, so the run's other tests need not find it again.
 * Outside a run nothing is remembered: a target may come back at the same address.
 */
export function unreachable(origin: string, cause: string): TargetUnreachable {
  const sentence = `the target ${origin} does not answer (${cause}): the run cannot go on against it; is it running?`;
  const file = markerFile();
  if (file) {
    known.set(origin, sentence);
    mkdirSync(join(file, '..'), { recursive: true });
    appendFileSync(file, `${origin}\t${sentence}\n`);
  }
  return new TargetUnreachable(sentence);
}

/** What this run found about the target: the sentence when it is gone (outside a run: nothing). */
export function gone(origin: string): string | undefined {
  const file = markerFile();
  if (!file) return undefined;
  let sentence = known.get(origin);
  if (!sentence && existsSync(file)) {
    sentence = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith(`${origin}\t`))?.split('\t')[1];
    if (sentence) known.set(origin, sentence);
  }
  return sentence;
}

/**
 * Before a test uses the target: if the run already found it gone, the first test to start
 * afterwards fails with the sentence (exactly one per run: the finding itself may have been in
 * a teardown that swallows errors, and a run must not pass by skipping everything), and every
 * later one is skipped with it. Outside a test: an error.
 */
export function skipIfGone(origin: string): void {
  const sentence = gone(origin);
  if (!sentence) return;
  let inTest = true;
  try {
    test.info();
  } catch {
    inTest = false;
  }
  if (inTest && !claim(`${markerFile()}.reported`)) test.skip(true, sentence);
  throw new TargetUnreachable(sentence);
}

/** Creates the file unless it exists: true for exactly one caller across the run's workers. */
function claim(file: string): boolean {
  try {
    closeSync(openSync(file, 'wx'));
    return true;
  } catch {
    return false;
  }
}
