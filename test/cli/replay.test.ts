import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConformanceReport, RuleEntry } from '../../reports/report.ts';
import { awsEnv, cli, shell, startMock } from './support/cli.ts';

// Each starts whole runs: one at a time, so their timing is their own.
test.describe.configure({ mode: 'serial' });

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');

/** The first MUST failure with a replay command: the rule and the command exactly as printed. */
function printedReplay(report: ConformanceReport, out: string): { rule: RuleEntry; command: string } {
  const rule = report.rules.find((r) => r.failure?.replay && r.level === 'MUST');
  expect(rule, `a model-based failure with a replay command\n${out.slice(-3000)}`).toBeTruthy();
  const command = rule!.failure!.replay!.command;
  // The terminal printed it (one FAIL line per failure), and the report pages carry the same string.
  expect(out).toContain(`replay: ${command}`);
  return { rule: rule!, command };
}

/** The HTML page's embedded data and its Copy box, and JUnit, hold the printed string itself. */
function sameStringEverywhere(dir: string, command: string): void {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const data = JSON.parse(/<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)![1]!) as ConformanceReport;
  expect(data.rules.map((r) => r.failure?.replay?.command)).toContain(command);
  const boxes = [...html.matchAll(/<pre id="[^"]*-replay">([\s\S]*?)<\/pre>/g)].map((m) => unescape(m[1]!));
  expect(boxes).toContain(command);
  expect(unescape(readFileSync(join(dir, 'junit.xml'), 'utf8'))).toContain(`Reproduce with: ${command}`);
}

/** Runs the printed string verbatim through bash: the same rule fails with the same shrunk sequence. */
async function replays(command: string, first: RuleEntry, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const again = await shell(command, env);
  expect(again.code, again.out.slice(-3000)).toBe(1);
  const second = again.report().rules.find((r) => r.id === first.id && r.target === first.target)!;
  expect(second.outcome).toBe('failed');
  // Same steps; the ids are the target's (a fresh certificate's SHA-256 in each run).
  const steps = (r: RuleEntry) => r.failure!.sequence!.map((s) => s.replace(/\b[0-9a-f]{6,}\.\./g, '<id>..'));
  expect(steps(second)).toEqual(steps(first));
}

test('a --engine prism run prints a replay with --engine prism that, run verbatim, fails the same way', async () => {
  test.setTimeout(300_000);
  // Seed 1: the stateless engine's first broken MUST rule in a sequence is AWSIOT-REG-001.
  const run = cli(['run', 'aws-iot', '--engine', 'prism', '--runs', '10', '--seed', '1', '--grep', 'model: random']);
  const r = await run.exited;
  expect(r.code, r.out.slice(-3000)).toBe(1);
  const { rule, command } = printedReplay(r.report(), r.out);
  expect(rule.level).toBe('MUST');
  expect(command).toMatch(/^npx certconform run aws-iot --engine prism --runs 10 --seed 1 --path \S+ --grep /);
  expect(command).not.toContain('--target');
  sameStringEverywhere(r.dir, command);
  await replays(command, rule);
});

test('a --target run prints a replay with --target that, run verbatim with the same credentials, fails the same way', async () => {
  test.setTimeout(300_000);
  const mock = await startMock(['--mutant', 'aws-iot/deleted-still-described']);
  try {
    const line = mock.lines[0]!;
    const env = { ...awsEnv(line), AWS_REGION: 'us-east-1' };
    const run = cli(['run', '--target', `aws-iot=${line.url}`, '--grep', 'model: random'], env);
    const r = await run.exited;
    expect(r.code, r.out.slice(-3000)).toBe(1);
    const { rule, command } = printedReplay(r.report(), r.out);
    expect(rule.id).toBe('AWSIOT-DEL-008');
    // The target and the account's selector with its value; the secrets by name only.
    // (NODE_EXTRA_CA_CERTS too, where the machine sets it: the trust the run had.)
    const url = line.url.replace(/\./g, '\\.');
    expect(command).toMatch(new RegExp(`^AWS_REGION=us-east-1 (NODE_EXTRA_CA_CERTS=\\S+ )?npx certconform run aws-iot --target aws-iot=${url} --seed`));
    expect(command).toMatch(/ {2}# with AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY set$/);
    expect(command).not.toContain(line.credentials.secretAccessKey!);
    sameStringEverywhere(r.dir, command);
    // The user's shell has the credentials set; the command itself says only their names.
    await replays(command, rule, awsEnv(line));
  } finally {
    mock.stop();
  }
});
