import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/paths.ts';
import { DEFAULT_LIMITS as LIMITS } from '../mock/host/limits.ts';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** `--version` on the program and on every command below it (`certconform run --version`). */
function versionEverywhere(cmd: Command): void {
  cmd.version(VERSION, '-V, --version', 'print the version of certconform');
  for (const sub of cmd.commands) versionEverywhere(sub);
}

/** Exit codes a CI can act on: 0 conformant/ok, 1 non-conformant/findings, 2 usage or setup. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command('certconform')
    .description('Conformance suite and contract mock for cloud certificate-management APIs')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program
    .command('lint')
    .description('lint specs/ (or the given OpenAPI files) with Spectral and the house ruleset')
    .argument('[files...]', 'OpenAPI files (default: every provider spec)')
    .option('-q, --quiet', 'print errors only')
    .action(async (files: string[], opts) => {
      const { lintCommand } = await import('./lint.ts');
      code = await lintCommand(files, opts);
    });
  program
    .command('mock')
    .description('serve the contract mock (stateful engine, or Prism with --engine prism)')
    .argument('[providers...]', 'aws-iot, azure-keyvault, alibaba-mqtt, huawei-scm (default: all)')
    .option('--engine <engine>', 'stateful | prism', 'stateful')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port-base <port>', 'first port; providers take base+0..3 in the order above (0: free ports)', '4010')
    .option('--port <port>', 'the port for a single provider (0: a free port); instead of --port-base')
    .option('--json', 'print one JSON line per provider once all listen')
    .option('--strict', 'validate every reply against the spec (a mismatch is a loud 500)')
    .option('--faults <spec>', 'inject documented transient errors, e.g. throttle=0.05,unavailable=0.01,latency=20ms')
    .option('--deleted-visible-after <ms>', "azure-keyvault: a deletion shows in the deleted store only after ms, purge answers 409 until then (the real service's eventual consistency)")
    .option('--retention-days <n>', 'azure-keyvault: soft-delete retention, 7..90 days (default 90); under 90 the recovery level reads CustomizedRecoverable*')
    .option('--mutant <name>', 'serve a mutant of the stateful engine (mock/mutants/), e.g. aws-iot/delete-active-allowed; repeatable, each on its own port (needs --port-base 0)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--control', 'with --mutant: also serve each mutated provider unmutated')
    .option('--state <file>', 'load the state from a JSON fixtures file (mock/state/state.schema.json; absent: start empty) and keep the file current')
    .option('--vary [only]', 'answers vary within the documentation, seeded: error statuses, page sizes, transient errors, Azure consistency delay, header spelling (only=status,pages,transient,consistency,headers narrows it)')
    .option('--vary-seed <n>', 'with --vary: the seed (default: drawn and printed)')
    .option('--vary-log <file>', 'with --vary: append one line per choice to this file (default: stderr)')
    .option('--durable', 'with --state: every acknowledged change is fsynced to FILE.log before its reply (survives kill -9)')
    .option('--max-body-bytes <n>', `larger request bodies get the provider's 400 and the connection closes (default ${LIMITS.maxBodyBytes})`)
    .option('--max-header-bytes <n>', `larger request line + headers get the provider's 400 and the connection closes (default ${LIMITS.maxHeaderBytes})`)
    .option('--headers-timeout-ms <n>', `close a connection whose request headers are not all in by then (default ${LIMITS.headersTimeoutMs})`)
    .option('--request-timeout-ms <n>', `close a connection whose whole request is not in by then (default ${LIMITS.requestTimeoutMs})`)
    .option('--keep-alive-timeout-ms <n>', `close an idle keep-alive connection after this (default ${LIMITS.keepAliveTimeoutMs})`)
    .option('--max-json-depth <n>', `refuse JSON bodies nesting deeper, with the provider's 400 (default ${LIMITS.maxJsonDepth})`)
    .action(async (providers: string[], opts) => {
      const { mockCommand } = await import('./mock.ts');
      code = await mockCommand(providers, opts);
    });
  program
    .command('proxy')
    .description("Prism's validation proxy in front of any implementation: forwards unchanged, reports every contract violation")
    .argument('<provider>', 'aws-iot, azure-keyvault, alibaba-mqtt or huawei-scm')
    .requiredOption('--upstream <url>', 'base URL of the implementation to forward to')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: a free port)', '4020')
    .option('--report-dir <dir>', 'where proxy-violations.ndjson is appended', 'reports/out')
    .option('--keep-host', 'send the client\'s Host header on (upstreams that verify a signature covering Host, e.g. certconform mock)')
    .option('--json', 'print one JSON line {provider, url, upstream} once listening')
    .action(async (provider: string, opts) => {
      const { proxyCommand } = await import('./proxy.ts');
      code = await proxyCommand(provider, opts);
    });
  program
    .command('run')
    .description('run the conformance suites (against the built-in mock unless --target is given)')
    .argument('[providers...]', 'aws-iot, azure-keyvault, alibaba-mqtt, huawei-scm (default: all)')
    .option('--target <provider=url>', 'implementation under test for a provider, provider[:name]=url (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--seed <n>', 'fast-check seed (printed by every run; replays with --path)')
    .option('--path <path>', 'replay path printed with a failure (with --seed)')
    .option('--runs <n>', 'model-based sequences per provider (default 25)')
    .option('--grep <pattern>', 'only tests whose title or tags match (e.g. a rule id)')
    .option('--safe', 'read-only checks only (nothing is created or deleted)')
    .option('--rps <n>', 'cap the request rate across all workers')
    .option('--report-dir <dir>', 'where reports go (default reports/out)')
    .option('--engine <engine>', 'engine of the built-in mock: stateful | prism')
    .option('--shard <i/n>', "Playwright's --shard (with --seed); also writes a blob report to <report-dir>/blob/ for `report merge`")
    .option('--workers <n>', "Playwright's --workers (default: the machine's cores, at least 2)")
    .option('--reporter <list>', 'terminal reporters in place of the progress output, e.g. list or dot (the report files are always written)')
    .option('--baseline <file>', 'CI gate: exit 1 only for MUST failures not in this baseline, or entries that now pass (see `gate --help`)')
    .option('--allow-stale-baseline', 'with --baseline: a listed rule that passes now is printed, not fatal')
    .option('--min-score <provider=x>', 'CI gate: exit 1 when a score (MUST passed / run) is under x; provider, provider@target or all (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--record <dir>', 'write every exchange of every test to DIR, normalised (ids, names, dates, tokens as placeholders; secrets never)')
    .option('--compare <dir>', "run the recording's tests with its seed and report every answer whose status, error code or body shape differs")
    .option('--fail-on-divergence', 'with --compare: exit 1 when an answer diverges from the recording (default: informational)')
    .option('--config <file>', 'settings file (default: certconform.config.ts|mts|js|mjs|json in the working directory); flags win over it')
    .option('--list', 'list the tests and rules that would run against each target, and exit (nothing is sent)')
    .action(async (providers: string[], { list, ...flags }) => {
      const [{ runCommand }, { ConfigError, runOptionsWithConfig }] = await Promise.all([import('./run.ts'), import('./config.ts')]);
      let opts;
      try {
        opts = (await runOptionsWithConfig(flags)).opts;
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        console.error(`certconform run: ${e.message}`);
        code = 2;
        return;
      }
      if (list) {
        const { runListCommand } = await import('./run-list.ts');
        code = await runListCommand(providers, opts);
      } else code = await runCommand(providers, opts);
    });
  program
    .command('report')
    .description('work with conformance reports')
    .command('merge')
    .description("merge the blob reports of a sharded run (certconform run --shard i/n) into one conformance report")
    .argument('<dirs...>', "the shards' report dirs (or any folders holding their blob/report-i-of-n.zip)")
    .option('--report-dir <dir>', 'where the merged reports go (default reports/out)')
    .action(async (dirs: string[], opts) => {
      const { mergeCommand } = await import('./report.ts');
      code = await mergeCommand(dirs, opts);
    });
  program
    .command('gate')
    .description('the CI gate over a conformance report made elsewhere (e.g. merged shards): exit 1 for MUST failures not in the baseline, stale entries, low scores')
    .option('--report <file>', 'the conformance report (default reports/out/conformance.json)')
    .option('--baseline <file>', 'known deviations (certconform baseline --from ... writes one)')
    .option('--allow-stale-baseline', 'a listed rule that passes now is printed, not fatal')
    .option('--min-score <provider=x>', 'exit 1 when a score (MUST passed / run) is under x; provider, provider@target or all (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .addHelpText('after', '\nExit codes: 0 conformant as far as the baseline allows, 1 not (the table says which rule, entry or score),\n2 usage error, a bad baseline or report file, or a run that judged nothing.')
    .action(async (opts) => {
      const { gateCommand } = await import('./gate.ts');
      code = await gateCommand(opts);
    });
  program
    .command('baseline')
    .description("write a baseline of a run's failed MUST and SHOULD rules (regenerating keeps earlier reasons and dates)")
    .option('--from <file>', 'the conformance report (default reports/out/conformance.json)')
    .option('--out <file>', 'the baseline to write (default reports/baseline.json)')
    .option('--reason <text>', 'reason for the new entries (default: what the run received)')
    .option('--expires <YYYY-MM-DD>', 'last day the new entries excuse their failures')
    .addHelpText('after', '\nExit codes: 0 written, 2 usage error or a bad report or baseline file (1 is never used).')
    .action(async (opts) => {
      const { baselineCommand } = await import('./baseline.ts');
      code = await baselineCommand(opts);
    });
  program
    .command('diff')
    .description('compare two conformance reports per rule and provider@target: regressed, fixed, new, removed, unchanged')
    .argument('<base>', 'the earlier conformance.json')
    .argument('<head>', 'the later conformance.json')
    .option('--json', 'print the diff as JSON (every row, unchanged ones too)')
    .option('--all', 'also list the unchanged rows in the table')
    .addHelpText('after', '\nNot applicable and not run are no evidence: passed -> not run is "removed", never a regression.\nExit codes: 0 no MUST rule regressed, 1 a MUST rule passed in BASE and failed or broke in HEAD, 2 a file that is no comparable report.')
    .action(async (base: string, head: string, opts) => {
      const { diffCommand } = await import('./diff.ts');
      code = await diffCommand(base, head, opts);
    });
  program
    .command('cleanup')
    .description("delete what a run created and did not delete (a crashed run's leftovers), from its ledger")
    .option('--ledger <file>', 'the run ledger, reports/out/<run>/ledger.jsonl')
    .option('--target <provider=url>', 'where a provider lives now, if not where the ledger says (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--ca-file <file>', 'CA to trust for https targets')
    .action(async (opts) => {
      const { cleanupCommand } = await import('./cleanup.ts');
      code = await cleanupCommand(opts);
    });
  program
    .command('mutants')
    .description('run the suites against each mutant of the mock (mock/mutants/): which rules catch it, and the mutation score')
    .option('--only <names>', 'mutant names or globs, comma-separated or repeated (e.g. aws-iot/delete-*)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--provider <provider>', 'only the mutants of this provider')
    .option('--list', 'list the selected mutants (name, class, rules, description) and exit')
    .option('--runs <n>', 'model-based sequences per property (default 25)')
    .option('--seed <n>', 'fast-check seed (default: random, printed)')
    .option('--full', "run every test of the provider against each mutant, to the end (default: the tests of its rules, up to its first failure)")
    .option('--report-dir <dir>', 'where mutants.json and the phase reports go (default reports/out)')
    .option('--workers <n>', "Playwright's --workers (default: twice the cores, at least 4: mutant workers mostly wait)")
    .action(async (opts) => {
      const { mutantsCommand } = await import('./mutants.ts');
      code = await mutantsCommand(opts);
    });
  program
    .command('rules')
    .description('list the rules of the catalogs (specs/rules/): id, level, basis, statement')
    .argument('[providers...]', 'aws-iot, azure-keyvault, alibaba-mqtt, huawei-scm (default: all)')
    .option('--level <levels>', 'only these levels: MUST, SHOULD, INFO (comma-separated)')
    .option('--json', 'one JSON object per rule and line')
    .action(async (providers: string[], opts) => {
      const { rulesCommand } = await import('./rules.ts');
      code = rulesCommand(providers, opts);
    });
  program
    .command('explain')
    .description('one rule: statement, level, basis, source passage, documented outcomes, discrepancy, the tests that judge it and the mutants that break it')
    .argument('<rule-id>', 'e.g. AWSIOT-DEL-001')
    .action(async (id: string) => {
      const { explainCommand } = await import('./explain.ts');
      code = await explainCommand(id);
    });
  versionEverywhere(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    console.error(`certconform: ${(e as Error).message}`);
    return 2;
  }
  return code;
}
