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
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    console.error(`certconform: ${(e as Error).message}`);
    return 2;
  }
  return code;
}
