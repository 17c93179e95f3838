import { rm } from 'node:fs/promises';
import type { Provider } from '../../lib/providers.ts';
import type { HostContext, Persistence, ProviderModule } from '../host/types.ts';
import { writeAtomic } from './atomic.ts';
import { adapterOf, documentText, loadSection, sectionFrom } from './document.ts';
import { Journal } from './journal.ts';
import { encodeLine } from './log-lines.ts';
import { diff, recordsOf, sectionOf, type Records } from './records.ts';

export type Module = ProviderModule<unknown>;

/** Without --durable, changes reach the file this long after the last one (a burst, one write). */
const DEBOUNCE_MS = 100;
/** The log is folded into the file once it outgrows both this and the file itself. */
export const COMPACT_MIN_BYTES = 1 << 20;

/**
 * The state file of `certconform mock --state FILE` and, with --durable, its log FILE.log.
 * Each provider's state is held as records (records.ts); after a request that may have
 * changed it, the host calls `persist`: durable, the records that differ become one log line,
 * fsynced (with whatever else is waiting) before the reply; otherwise the whole file is
 * rewritten a moment later. Either way FILE is only ever replaced atomically.
 */
export class StateStore {
  private journal: Journal | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private fileBytes = 0;
  private readonly live = new Map<Provider, { state: unknown; ctx: HostContext }>();

  constructor(
    readonly file: string,
    private readonly records: Map<Provider, Records>,
    private readonly modules: Map<Provider, Module>,
    private readonly compactAtBytes = COMPACT_MIN_BYTES,
  ) {}

  persistence(p: Provider): Persistence<unknown> {
    const module = this.modules.get(p);
    if (!module) throw new Error(`the state store was not opened for ${p}`);
    const keys = adapterOf(module).keys;
    return {
      load: async (ctx) => {
        const state = await loadSection(module, sectionOf(this.records.get(p)!), ctx);
        this.live.set(p, { state, ctx });
        return state;
      },
      persist: (state, ctx, readOnly) => {
        this.live.set(p, { state, ctx }); // the control API's reset replaces the state object
        if (!this.journal) return readOnly ? Promise.resolve() : this.schedule();
        // A read diffs too: a change another request made may not be captured yet, and this
        // reply must not show what a crash could still take back.
        const next = recordsOf(sectionFrom(module, state, ctx), keys);
        const delta = diff(this.records.get(p)!, next);
        if (delta) {
          this.records.set(p, next);
          this.journal.append(encodeLine(p, delta));
        }
        return this.journal.synced(); // also when nothing changed here: another request's line may hold it
      },
    };
  }

  /** Durable: the log from now on (started empty: the file holds everything so far). */
  async startJournal(): Promise<void> {
    this.journal = await Journal.open(`${this.file}.log`, { due: (b) => b > Math.max(this.compactAtBytes, this.fileBytes), compact: () => this.writeFile(true) }, true);
  }

  async writeFile(sync: boolean): Promise<void> {
    const text = documentText(this.records);
    this.fileBytes = Buffer.byteLength(text);
    await writeAtomic(this.file, text, sync);
  }

  private schedule(): Promise<void> {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.writing = this.writing.then(() => this.snapshotAndWrite()).catch((e) => console.error(`certconform mock: cannot write the state file ${this.file}: ${(e as Error).message}`));
    }, DEBOUNCE_MS);
    return Promise.resolve();
  }

  private async snapshotAndWrite(): Promise<void> {
    for (const [p, { state, ctx }] of this.live) this.records.set(p, recordsOf(sectionFrom(this.modules.get(p)!, state, ctx), adapterOf(this.modules.get(p)!).keys));
    await this.writeFile(false);
  }

  /** A clean stop: what is pending reaches the file, which then holds everything (no log left). */
  async close(): Promise<void> {
    if (this.journal) {
      await this.journal.close();
      await this.writeFile(true);
      await rm(`${this.file}.log`, { force: true }); // a crash before this replays the log harmlessly
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.writing;
    await this.snapshotAndWrite();
  }
}
