import { Command, CommanderError } from 'commander';

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
    .option('--json', 'print one JSON line per provider once all listen')
    .option('--strict', 'validate every reply against the spec (a mismatch is a loud 500)')
    .option('--faults <spec>', 'inject documented transient errors, e.g. throttle=0.05,unavailable=0.01,latency=20ms')
    .option('--deleted-visible-after <ms>', "azure-keyvault: a deletion shows in the deleted store only after ms (the real service's eventual consistency)")
    .option('--mutant <name>', 'serve a mutant of the stateful engine (mock/mutants/), e.g. aws-iot/delete-active-allowed')
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
    .option('--target <provider=url>', 'implementation under test for a provider (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--seed <n>', 'fast-check seed (printed by every run; replays with --path)')
    .option('--path <path>', 'replay path printed with a failure (with --seed)')
    .option('--runs <n>', 'model-based sequences per provider (default 25)')
    .option('--grep <pattern>', 'only tests whose title or tags match (e.g. a rule id)')
    .option('--safe', 'read-only checks only (nothing is created or deleted)')
    .option('--rps <n>', 'cap the request rate across all workers')
    .option('--report-dir <dir>', 'where reports go (default reports/out)')
    .option('--engine <engine>', 'engine of the built-in mock: stateful | prism')
    .option('--shard <i/n>', "Playwright's --shard")
    .option('--workers <n>', "Playwright's --workers (default: the machine's cores, at least 2)")
    .option('--reporter <list>', "Playwright's --reporter (the conformance reporter is always added)")
    .action(async (providers: string[], opts) => {
      const { runCommand } = await import('./run.ts');
      code = await runCommand(providers, opts);
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
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    console.error(`certconform: ${(e as Error).message}`);
    return 2;
  }
  return code;
}
