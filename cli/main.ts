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
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    console.error(`certconform: ${(e as Error).message}`);
    return 2;
  }
  return code;
}
