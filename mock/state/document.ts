import { existsSync, readFileSync } from 'node:fs';
import { PROVIDERS, type Provider } from '../../lib/providers.ts';
import type { HostContext, ProviderModule } from '../host/types.ts';
import { FixtureError, type FixtureAdapter, type Section } from './adapter.ts';
import { sectionOf, type Records } from './records.ts';
import { checkSchema } from './schema.ts';

export const FORMAT_VERSION = 1;

/** The state file as JSON that passed the schema; an absent file is an empty state. */
export function readDocument(file: string): Record<string, unknown> {
  if (!existsSync(file)) return { version: FORMAT_VERSION };
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new FixtureError('', `is not JSON (${(e as Error).message})`);
  }
  checkSchema(doc);
  return doc as Record<string, unknown>;
}

/** The whole document from each provider's records, in the providers' fixed order. */
export function documentText(records: Map<Provider, Records>): string {
  const doc: Record<string, unknown> = { version: FORMAT_VERSION };
  for (const p of PROVIDERS) if (records.has(p)) doc[p] = sectionOf(records.get(p)!);
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function adapterOf<S>(module: ProviderModule<S>): FixtureAdapter<S> {
  if (!module.fixtures) throw new Error(`${module.provider} cannot keep its state in a file yet (no fixtures adapter)`);
  return module.fixtures;
}

/** A fresh state of the module filled from its section; the host clock takes the saved offset. */
export async function loadSection<S>(module: ProviderModule<S>, section: Section, ctx: HostContext): Promise<S> {
  const { clockOffsetMs, ...rest } = section;
  ctx.clock.reset();
  if (typeof clockOffsetMs === 'number') ctx.clock.advance(clockOffsetMs);
  const state = module.createState(ctx);
  await adapterOf(module).fill(state, rest, ctx, `/${module.provider}`);
  return state;
}

/** The complete section of a live state (with the clock offset when the clock was moved). */
export function sectionFrom<S>(module: ProviderModule<S>, state: S, ctx: HostContext): Section {
  const offset = ctx.clock.offset();
  return { ...(offset ? { clockOffsetMs: offset } : {}), ...adapterOf(module).dump(state) };
}
