import { resolve } from 'node:path';
import type { Provider } from '../lib/providers.ts';
import type { ProviderModule } from '../mock/host/types.ts';
import { openStore } from '../mock/state/open.ts';
import type { StateStore } from '../mock/state/store.ts';
import { UsageError } from './mock.ts';

/**
 * `certconform mock --state FILE [--durable]`: checks the flags go together, then opens the
 * file (loading, replaying its log, rewriting it whole). Whatever is wrong with the file is a
 * usage error naming it and the entry, so the command exits 2 before anything listens.
 */
export async function openMockState(
  opts: { state?: string; durable?: boolean; engine: string },
  served: Provider[],
  moduleOf: (p: Provider) => Promise<ProviderModule<unknown>>,
): Promise<StateStore | undefined> {
  if (!opts.state) {
    if (opts.durable) throw new UsageError('--durable makes the --state file crash-safe: give --state FILE too');
    return undefined;
  }
  if (opts.engine !== 'stateful') throw new UsageError('--state keeps the stateful engine\'s state; Prism keeps none (drop --engine prism)');
  if (new Set(served).size !== served.length) throw new UsageError('--state keeps one state per provider: it does not combine with several listeners of one provider (--mutant, --control)');
  const file = resolve(opts.state);
  try {
    return await openStore(file, !!opts.durable, served, moduleOf);
  } catch (e) {
    throw new UsageError(`state file ${file}: ${(e as Error).message}`);
  }
}
