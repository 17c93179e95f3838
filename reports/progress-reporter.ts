import type { FullConfig, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import { VERDICTS_ATTACHMENT, type VerdictsAttachment } from '../lib/verdicts.ts';
import { isFinal, RuleProgress, type ProjectProgress } from './rule-progress.ts';
import { readRunMetadata } from './run-metadata.ts';

export interface ProgressOptions {
  write?: (s: string) => void;
  tty?: boolean;
  /** Least time between two lines of one provider on a non-TTY (CI logs). */
  intervalMs?: number;
  now?: () => number;
}

const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
const oneLine = (s: string) => plain(s).replace(/\s*\n\s*/g, ' ');
const counts = (p: ProjectProgress) => `${p.rulesDone}/${p.rulesTotal} rules (${p.testsDone}/${p.testsTotal} tests)`;

/**
 * The terminal during `certconform run`: rules done / total per provider@target as tests end
 * (a live line on a TTY, at most one line per provider every ~2 s in CI logs), each failure as
 * it happens in one line, and nothing at the end: the conformance reporter prints the summary.
 */
export default class ProgressReporter implements Reporter {
  private readonly write: (s: string) => void;
  private readonly tty: boolean;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private progress = new RuleProgress([]);
  private readonly lastLine = new Map<string, number>();
  private live = '';
  private interrupted = false;
  private liveAt = -Infinity;

  constructor(opts: ProgressOptions = {}) {
    this.write = opts.write ?? ((s) => process.stdout.write(s));
    this.tty = opts.tty ?? !!process.stdout.isTTY;
    this.intervalMs = opts.intervalMs ?? 2000;
    this.now = opts.now ?? Date.now;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    process.once('SIGINT', () => (this.interrupted = true));
    const tests = suite.allTests();
    this.progress = new RuleProgress(tests);
    const meta = readRunMetadata(config.metadata);
    const run = meta?.seed !== undefined ? ` (seed ${meta.seed}${meta.runId ? `, run ${meta.runId}` : ''}${meta.shard ? `, shard ${meta.shard}` : ''})` : '';
    this.print(`certconform: ${tests.length} tests on ${this.progress.names().join(', ') || 'no target'}${run}`);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const name = this.progress.testEnded(test, result);
    if (name === undefined) return;
    // Once stopped, a test's failure is the stop's doing (a mock that went down with Ctrl-C).
    if (!this.interrupted) for (const line of failures(test, result, name)) this.print(line);
    const p = this.progress.get(name)!;
    if (this.tty) return this.redraw(p.testsDone === p.testsTotal);
    const last = this.lastLine.get(name);
    if (p.testsDone === p.testsTotal || last === undefined || this.now() - last >= this.intervalMs) {
      this.lastLine.set(name, this.now());
      this.print(`${name}: ${counts(p)}`);
    }
  }

  onError(error: TestError): void {
    this.print(`error: ${plain(error.message ?? error.value ?? 'unknown error')}`);
  }

  onStdErr(chunk: string | Buffer): void {
    this.print(String(chunk).replace(/\n$/, ''));
  }

  onEnd(): void {
    if (!this.tty || !this.live) return;
    this.redraw(true);
    this.write('\n');
    this.live = '';
  }

  printsToStdio(): boolean {
    return true;
  }

  /** A whole line; on a TTY the live line is cleared first and drawn again after. */
  private print(line: string): void {
    if (this.tty && this.live) this.write('\r\x1b[2K');
    this.write(`${line}\n`);
    if (this.tty && this.live) this.write(this.live);
  }

  private redraw(force: boolean): void {
    if (!force && this.now() - this.liveAt < 100) return;
    this.liveAt = this.now();
    const all = this.progress.names().map((n) => [n, this.progress.get(n)!] as const);
    const parts = all.map(([n, p]) => `${n} ${p.rulesDone}/${p.rulesTotal}`);
    const done = all.reduce((n, [, p]) => n + p.testsDone, 0);
    const total = all.reduce((n, [, p]) => n + p.testsTotal, 0);
    // One terminal row, so `\r` can redraw it (a pty without a size reports 0 columns).
    const columns = process.stdout.columns || 0;
    const line = `rules done: ${parts.join('  ')}  (tests ${done}/${total})`;
    this.live = columns > 20 ? line.slice(0, columns - 1) : line;
    this.write(`\r\x1b[2K${this.live}`);
  }
}

/** One line per rule that failed in this test, or one for a test that broke without a verdict. */
function failures(test: TestCase, result: TestResult, project: string): string[] {
  const body = result.attachments.find((a) => a.name === VERDICTS_ATTACHMENT && a.body)?.body;
  const verdicts = body ? (JSON.parse(body.toString('utf8')) as VerdictsAttachment) : undefined;
  const lines = Object.entries(verdicts?.rules ?? {}).flatMap(([rule, v]) =>
    v.failure ? [oneLine(`FAIL ${rule} (${v.failure.level}, ${project}): ${v.failure.received} / documented ${v.failure.documented}${v.failure.replay ? `; replay: ${v.failure.replay.command}` : ''}`)] : [],
  );
  const broken = result.status === 'failed' || result.status === 'timedOut';
  if (!lines.length && broken) lines.push(`ERROR ${project} ${test.titlePath().slice(2).join(' > ')}: ${plain(result.error?.message ?? result.status).split('\n')[0]}`);
  return lines;
}
