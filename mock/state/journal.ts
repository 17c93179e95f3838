import { open, type FileHandle } from 'node:fs/promises';

/** When the log has grown enough to fold into the state file, and how. */
export interface Compactor {
  due(logBytes: number): boolean;
  /** Writes the current state to FILE (atomically, synced); the journal then empties the log. */
  compact(): Promise<void>;
}

/**
 * The append-only log with group commit: lines appended while a write+fsync is under way go
 * out together in the next one, and `synced()` resolves once every line appended before the
 * call is on disk. A failed write breaks the journal for good: the records it diffs against
 * have moved on, so later lines alone would not describe the state.
 */
export class Journal {
  private pending: string[] = [];
  private appended = 0;
  private durable = 0;
  private waiters: { upTo: number; resolve(): void; reject(e: Error): void }[] = [];
  private loop: Promise<void> | undefined;
  private broken: Error | undefined;

  private constructor(
    private readonly fh: FileHandle,
    private bytes: number,
    private readonly compactor: Compactor,
  ) {}

  /** Opens (creating) the log for appending; `truncate` starts it empty. */
  static async open(file: string, compactor: Compactor, truncate: boolean): Promise<Journal> {
    const fh = await open(file, 'a');
    if (truncate) {
      await fh.truncate(0);
      await fh.sync();
    }
    return new Journal(fh, (await fh.stat()).size, compactor);
  }

  append(line: string): void {
    this.pending.push(line);
    this.appended++;
  }

  synced(): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    const upTo = this.appended;
    if (this.durable >= upTo) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ upTo, resolve, reject }));
    this.kick();
    return done;
  }

  /** One writer at a time; lines that arrive as it finishes start the next one. */
  private kick(): void {
    if (this.loop) return;
    this.loop = this.run().finally(() => {
      this.loop = undefined;
      if (this.pending.length && !this.broken) this.kick();
    });
  }

  private async run(): Promise<void> {
    while (this.pending.length && !this.broken) {
      const batch = this.pending.splice(0);
      const text = batch.join('');
      try {
        await this.fh.appendFile(text); // loops until every byte is written (write() may stop short)
        await this.fh.datasync();
      } catch (e) {
        this.broken = new Error(`the state log could not be written: ${(e as Error).message}`);
        for (const w of this.waiters.splice(0)) w.reject(this.broken);
        return;
      }
      this.durable += batch.length;
      this.bytes += Buffer.byteLength(text);
      this.waiters = this.waiters.filter((w) => (w.upTo <= this.durable ? (w.resolve(), false) : true));
      if (this.compactor.due(this.bytes)) await this.compact();
    }
  }

  /** FILE takes everything, then the log starts over; a crash in between replays it harmlessly. */
  private async compact(): Promise<void> {
    try {
      await this.compactor.compact();
      await this.fh.truncate(0);
      await this.fh.datasync();
      this.bytes = 0;
    } catch (e) {
      console.error(`certconform mock: compacting the state log failed (it keeps growing): ${(e as Error).message}`);
    }
  }

  async close(): Promise<void> {
    while (this.loop) await this.loop;
    await this.fh.close();
  }
}
