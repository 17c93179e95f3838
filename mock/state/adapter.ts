import type { HostContext } from '../host/types.ts';

/** One provider's part of a state file: collections (arrays of entries) and a few scalars. */
export type Section = Record<string, unknown>;

/** A problem in a state file, named by the JSON pointer of the entry (or member) it is about. */
export class FixtureError extends Error {
  constructor(
    readonly pointer: string,
    readonly why: string,
  ) {
    super(`${pointer || '(root)'}: ${why}`);
  }
}

/**
 * What a provider contributes to `certconform mock --state`: its section of the file into a
 * fresh engine state and back. `dump` is complete (every id, date and version a client was
 * told), so `fill(dump(s))` answers every request as `s` did; `fill` also takes the shorter
 * hand-written form (the schema's optional members) and derives or draws what is missing.
 */
export interface FixtureAdapter<S> {
  /** Loads a section that passed the schema into `state` (from module.createState). */
  fill(state: S, section: Section, ctx: HostContext, at: string): Promise<void>;
  dump(state: S): Section;
  /** The key of an entry of each collection, in the dumped form: the durable log's record keys. */
  keys: Record<string, (entry: any) => string>;
}

/**
 * Runs the loading of one entry; what it throws (an engine's documented error, a parse
 * failure) becomes a FixtureError naming the entry, so the user learns which one and why.
 */
export async function atEntry<T>(at: string, load: () => T | Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof FixtureError) throw e;
    throw new FixtureError(at, (e as Error).message);
  }
}

/** The entries of a collection with their pointers (`/aws-iot/certificates/3`). */
export const entries = <T>(section: Section, name: string, at: string): [T, string][] =>
  ((section[name] as T[] | undefined) ?? []).map((e, i) => [e, `${at}/${name}/${i}`]);
