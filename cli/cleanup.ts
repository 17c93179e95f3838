import { existsSync } from 'node:fs';
import { isProvider, type Provider } from '../lib/providers.ts';
import { loadSpec } from '../lib/spec/load.ts';
import { Checker } from '../suites/support/checks/checker.ts';
import { ApiClient } from '../suites/support/http/client.ts';
import { StepLog } from '../suites/support/http/steps.ts';
import { WIRES } from '../suites/support/http/wires/index.ts';
import { outstanding, type LedgerEntry } from '../suites/support/ledger.ts';
import { redactText } from '../suites/support/signing/redact.ts';
import { readyTargets } from '../suites/support/target/ready.ts';
import type { Target } from '../suites/support/target/targets.ts';
import { SetupError } from '../suites/support/verdict/failure.ts';
import { Verdicts } from '../suites/support/verdict/recorder.ts';
import { parseTarget } from './run-options.ts';

type Cleaner = (api: ApiClient, entry: LedgerEntry) => Promise<string>;

async function cleanerFor(p: Provider): Promise<Cleaner> {
  const mod = (await import(`../suites/${p}/cleanup.ts`)) as { cleanup?: Cleaner };
  if (!mod.cleanup) throw new Error(`suites/${p}/cleanup.ts exports no cleanup()`);
  return mod.cleanup;
}

/**
 * `certconform cleanup --ledger FILE`: deletes, newest first, what a run created and did not
 * delete (a crashed run's leftovers), at the target each entry names (or --target overrides),
 * with credentials from the provider's usual environment variables. Exit 0 when nothing is
 * left, 1 when some entries could not be deleted, 2 for usage errors.
 */
export async function cleanupCommand(opts: { ledger?: string; target?: string[]; caFile?: string }): Promise<number> {
  if (!opts.ledger) return usage('--ledger FILE is required (reports/out/<run>/ledger.jsonl)');
  if (!existsSync(opts.ledger)) return usage(`no ledger at ${opts.ledger}`);
  const overrides = new Map<string, string>();
  for (const pair of opts.target ?? []) {
    let t: ReturnType<typeof parseTarget>;
    try {
      t = parseTarget(pair); // the same checks and sentences as `run --target`
    } catch (e) {
      return usage((e as Error).message);
    }
    if (overrides.has(t.provider)) return usage(`--target ${t.provider} is given twice`);
    overrides.set(t.provider, t.url);
  }
  const entries = outstanding(opts.ledger).reverse(); // dependants were created after what they hang on
  let targets: Map<string, Target>;
  try {
    targets = await readyFor(entries, overrides, opts.caFile);
  } catch (e) {
    if (e instanceof SetupError) return usage(e.message);
    throw e;
  }
  // Mostly: a policy created after the certificate it is attached to is refused until that
  // certificate is gone. So what fails is tried again while a pass makes progress.
  let pending = entries;
  let failures: { label: string; message: string }[] = [];
  while (pending.length) {
    const again: LedgerEntry[] = [];
    failures = [];
    for (const e of pending) {
      const label = `${e.provider} ${e.kind} ${e.id}`;
      try {
        console.log(`${label}: ${await deleteEntry(e, targets.get(whereOf(e, overrides)))}`);
      } catch (err) {
        again.push(e);
        failures.push({ label, message: redactText((err as Error).message.split('\n')[0] ?? '') });
      }
    }
    if (again.length === pending.length) break;
    pending = again;
  }
  for (const f of failures) console.error(`${f.label}: not deleted: ${f.message}`);
  const failed = failures.length;
  console.log(`cleanup: ${entries.length - failed} of ${entries.length} outstanding entries handled${failed ? `, ${failed} left` : ''}`);
  return failed ? 1 : 0;
}

const whereOf = (e: LedgerEntry, overrides: Map<string, string>) => `${e.provider} ${overrides.get(e.provider) ?? e.target ?? ''}`;

/**
 * One ready target per provider and URL the entries name: credentials from the provider's
 * chain and the preflight, before anything is deleted (a refused key deletes nothing).
 */
async function readyFor(entries: LedgerEntry[], overrides: Map<string, string>, caFile: string | undefined): Promise<Map<string, Target>> {
  const wanted = new Map<string, { provider: Provider; url: string }>();
  for (const e of entries) {
    const url = overrides.get(e.provider) ?? e.target;
    if (isProvider(e.provider) && url) wanted.set(whereOf(e, overrides), { provider: e.provider, url });
  }
  const keys = [...wanted.keys()];
  const caHint = 'give its CA with --ca-file ca.pem (or NODE_EXTRA_CA_CERTS=ca.pem)';
  const ready = await readyTargets(keys.map((k) => ({ ...wanted.get(k)!, name: new URL(wanted.get(k)!.url).host, caFile })), { caHint });
  return new Map(keys.map((k, i) => [k, { ...ready[i]!, name: 'cleanup' }]));
}

/** Deletes one entry's resource where it lives: 'deleted' or 'gone', else throws why not. */
async function deleteEntry(e: LedgerEntry, target: Target | undefined): Promise<string> {
  if (!isProvider(e.provider)) throw new Error(`unknown provider '${e.provider}'`);
  if (!target) throw new Error('the entry names no target: give --target provider=URL');
  const spec = loadSpec(e.provider);
  const api = new ApiClient(target, spec, WIRES[e.provider], new Checker(spec, new Verdicts(e.provider), new StepLog()));
  const result = await (await cleanerFor(e.provider))(api, e);
  if (result !== 'deleted' && result !== 'gone') throw new Error(result);
  return result;
}

function usage(message: string): number {
  console.error(`certconform cleanup: ${message}`);
  return 2;
}
