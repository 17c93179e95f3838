import { existsSync, rmSync } from 'node:fs';
import { loadSpec } from '../../lib/spec/load.ts';
import { PROVIDERS, type Provider } from '../../lib/providers.ts';
import { Clock } from '../host/clock.ts';
import type { HostContext } from '../host/types.ts';
import type { Section } from './adapter.ts';
import { adapterOf, loadSection, readDocument, sectionFrom } from './document.ts';
import { readLog } from './log-lines.ts';
import { apply, recordsOf, sectionOf, type Records } from './records.ts';
import { COMPACT_MIN_BYTES, StateStore, type Module } from './store.ts';

/** A context of its own for loading a section outside a server (checks, replay). */
const scratch = (p: Provider): HostContext => ({ clock: new Clock(), spec: loadSpec(p) });

/**
 * Opens FILE for the providers about to be served: validates it (schema, then each section
 * through its provider's adapter, so a bad entry is named before anything listens), replays
 * FILE.log on top, and writes the result back as one complete, compacted file. Sections of
 * providers not served now are checked and kept.
 */
export async function openStore(file: string, durable: boolean, served: Provider[], moduleOf: (p: Provider) => Promise<Module>, compactAtBytes = COMPACT_MIN_BYTES): Promise<StateStore> {
  const doc = readDocument(file);
  const modules = new Map<Provider, Module>();
  const records = new Map<Provider, Records>();
  for (const p of PROVIDERS) {
    if (!served.includes(p) && doc[p] === undefined) continue;
    const module = await moduleOf(p);
    const ctx = scratch(p);
    const state = await loadSection(module, (doc[p] ?? {}) as Section, ctx);
    modules.set(p, module);
    records.set(p, recordsOf(sectionFrom(module, state, ctx), adapterOf(module).keys));
  }
  await replay(`${file}.log`, records, modules);
  const store = new StateStore(file, records, modules, compactAtBytes);
  await store.writeFile(true);
  if (durable) await store.startJournal();
  else if (existsSync(`${file}.log`)) rmSync(`${file}.log`);
  return store;
}

/** Applies the log; what it yields must load too before it replaces the file and the log is emptied. */
async function replay(log: string, records: Map<Provider, Records>, modules: Map<Provider, Module>): Promise<void> {
  const lines = readLog(log);
  for (const { p, delta } of lines) {
    const r = records.get(p as Provider);
    if (!r) throw new Error(`${log} changes ${p}, which the state file does not hold: the two files do not belong together`);
    apply(r, delta);
  }
  if (!lines.length) return;
  for (const [p, r] of records) {
    await loadSection(modules.get(p)!, sectionOf(r), scratch(p)).catch((e: Error) => {
      throw new Error(`${e.message} (after replaying ${log}; both files are left as they are)`);
    });
  }
}
