import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { defaultReportDir } from '../lib/paths.ts';
import { loadCatalog } from '../lib/rules/catalog.ts';
import { isProvider, type Provider } from '../lib/providers.ts';
import { VERDICTS_ATTACHMENT, type VerdictsAttachment } from '../lib/verdicts.ts';
import { buildReport, type TargetRun } from './report.ts';
import { addVerdict, emptyTally, type RuleTally } from './outcomes.ts';
import { rulesOf } from './rule-progress.ts';
import { METADATA_KEY, readRunMetadata, runMetadata, type RunMetadata, type SpecInfo } from './run-metadata.ts';
import { summaryTable } from './summary.ts';
import { writeReports } from './write.ts';

const skipReason = (test: TestCase) => test.annotations.find((a) => a.type === 'skip')?.description ?? 'test skipped';

/**
 * Playwright reporter that turns the suites' verdict attachments into the conformance report
 * (conformance.json, index.html and junit.xml in its outputDir): one entry per rule of every
 * provider that ran. Run info comes from the config's metadata, so the same reporter works in
 * `playwright test` and in `playwright merge-reports` over shards' blob reports.
 */
export default class ConformanceReporter implements Reporter {
  private readonly outputDir: string;
  /** One run per provider@target (the report's column), and the run each project feeds. */
  private readonly runs = new Map<string, TargetRun>();
  private readonly byProject = new Map<string, TargetRun>();
  private retries = 0;
  private meta?: RunMetadata;
  /** Ctrl-C or SIGTERM reached the run (Playwright's own result says so too, at the end). */
  private interrupted = false;
  private testsEnded = 0;
  private testsTotal = 0;
  /** `provider@target RULE` for every rule a test of this run names. */
  private readonly planned = new Set<string>();

  constructor(opts: { outputDir?: string } = {}) {
    this.outputDir = opts.outputDir ?? process.env.CERTCONFORM_REPORT_DIR ?? defaultReportDir();
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.meta = readRunMetadata(config.metadata);
    this.testsTotal = suite.allTests().length;
    // Playwright stops on SIGINT (`certconform run` forwards SIGTERM as SIGINT); tests that end
    // from then on are cut short, whatever their status says.
    process.once('SIGINT', () => (this.interrupted = true));
    // Only projects with tests in this run (--project, --grep and shards narrow it). A merge
    // lists a project once per shard: its tallies add up under the one name. A target's clock
    // phase (`azure-keyvault@mock:clock`) carries its provider and target: one column for both.
    const active = new Set(suite.suites.filter((s) => s.allTests().length > 0).map((s) => s.title));
    for (const project of config.projects) {
      if (!active.has(project.name)) continue;
      const provider = String(project.metadata.provider ?? '');
      if (!isProvider(provider) || this.byProject.has(project.name)) continue;
      const target = String(project.metadata.target ?? '');
      const column = `${provider}@${target}`;
      let run = this.runs.get(column);
      const spec = project.metadata.spec as SpecInfo | undefined;
      if (!run) this.runs.set(column, (run = { project: column, provider, target, tallies: new Map(), setupErrors: [], spec }));
      this.byProject.set(project.name, run);
    }
    // The tests each column's rules wait on: what an interrupted run never reached.
    for (const test of suite.allTests()) {
      const run = this.byProject.get(test.parent.project()?.name ?? '');
      if (run) for (const rule of rulesOf(test)) this.planned.add(`${run.project} ${rule}`);
    }
  }

  private tally(run: TargetRun, rule: string): RuleTally {
    let t = run.tallies.get(rule);
    if (!t) run.tallies.set(rule, (t = emptyTally()));
    return t;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const run = this.byProject.get(test.parent.project()?.name ?? '');
    if (!run) return;
    const title = test.titlePath().slice(2).join(' > ');
    const attachment = result.attachments.find((a) => a.name === VERDICTS_ATTACHMENT && a.body);
    const verdicts = attachment ? (JSON.parse(attachment.body!.toString('utf8')) as VerdictsAttachment) : undefined;
    for (const [rule, v] of Object.entries(verdicts?.rules ?? {})) {
      const t = this.tally(run, rule);
      t.tests.add(title);
      addVerdict(t, v);
    }
    this.retries += verdicts?.retries ?? 0;
    const annotated = test.annotations.filter((a) => a.type === 'rule' && a.description).map((a) => a.description!);
    // A test cut short by Ctrl-C is no evidence either way (nor is what the stopping run did to
    // the target: a mock that went down with the signal is not a target that died).
    const cut = this.interrupted || result.status === 'interrupted';
    if (!cut) this.testsEnded++;
    const broken = !cut && (result.status === 'failed' || result.status === 'timedOut');
    const message = (result.error?.message ?? result.status).split('\n')[0]!.slice(0, 300);
    const setupError = broken ? verdicts?.setupError : undefined;
    if (setupError) run.setupErrors.push(`${title}: ${setupError}`);
    for (const rule of annotated) {
      const t = this.tally(run, rule);
      t.tests.add(title);
      const v = verdicts?.rules[rule];
      if (cut) t.notRun.push({ why: 'interrupted', reason: `interrupted: the run was stopped before ${title} ended` });
      else if (result.status === 'skipped') t.notRun.push({ why: 'skipped', reason: `skipped: ${skipReason(test)}` });
      else if (setupError) t.setupErrors.push(`setup error in ${title}: ${setupError}`);
      else if (broken && !v?.failure && !v?.passed) {
        // Stopped by another rule's failure: this one was not reached (not run), not broken.
        const stoppedBy = verdicts?.stoppedBy;
        if (stoppedBy && stoppedBy !== rule) t.notRun.push({ why: 'not-reached', reason: `not reached: ${title} stopped at the failure of ${stoppedBy}` });
        else t.errors.push(`${title}: ${message}`);
      }
    }
  }

  onEnd(result: FullResult): void {
    const interrupted = this.interrupted || result.status === 'interrupted' ? { testsEnded: this.testsEnded, testsTotal: this.testsTotal } : undefined;
    // Rules whose tests were selected but never ended were cut short, not left out.
    for (const run of interrupted ? this.runs.values() : []) {
      for (const key of this.planned) {
        const [project, rule] = key.split(' ') as [string, string];
        const t = project === run.project ? this.tally(run, rule) : undefined;
        if (t && !t.passed && !t.failure && !t.errors.length && !t.setupErrors.length && !t.notRun.length && !t.notApplicable.length) {
          t.notRun.push({ why: 'interrupted', reason: 'interrupted: the run was stopped before its tests ended' });
        }
      }
    }
    const catalogs = new Map<Provider, ReturnType<typeof loadCatalog>>();
    for (const run of this.runs.values()) if (!catalogs.has(run.provider)) catalogs.set(run.provider, loadCatalog(run.provider));
    // The result's times span every shard after a merge (the merge itself is not the run).
    const started = result.startTime;
    const finished = new Date(started.getTime() + result.duration);
    const report = buildReport([...this.runs.values()], catalogs, { started, finished, retries: this.retries, run: this.meta ?? runMetadata({})[METADATA_KEY], interrupted });
    const files = writeReports(report, this.outputDir);
    process.stdout.write(`\n${summaryTable(report)}\nconformance report: ${files.json} (index.html, junit.xml beside it)\n`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
