import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { redactJson } from './signing/redact.ts';

/** One resource the run created, enough for `certconform cleanup` to delete it later. */
export interface LedgerEntry {
  event: 'created' | 'deleted';
  provider: string;
  /** certificate | thing | policy | ca | device | vault-certificate ... (the provider's words). */
  kind: string;
  id: string;
  /** Whatever else deleting it needs (e.g. the instance id, the CA's Sn). */
  extra?: Record<string, string>;
  /** Where it was created (the target's base URL), so cleanup knows where to go. */
  target?: string;
  run: string;
  at: string;
}

/**
 * The run's ledger: JSON Lines appended as resources are created and deleted, so a crash
 * loses nothing that was written (each line is one O_APPEND write, safe across workers).
 * Secrets never go in: entries are redacted like every other output.
 */
export class Ledger {
  constructor(
    readonly file: string | undefined,
    readonly run: string,
    readonly target?: string,
  ) {
    if (file) mkdirSync(dirname(file), { recursive: true });
  }

  private write(e: Omit<LedgerEntry, 'run' | 'at' | 'target'>): void {
    if (!this.file) return;
    const entry: LedgerEntry = { ...e, ...(this.target ? { target: this.target } : {}), run: this.run, at: new Date().toISOString() };
    appendFileSync(this.file, `${JSON.stringify(redactJson(entry))}\n`);
  }

  created(provider: string, kind: string, id: string, extra?: Record<string, string>): void {
    this.write({ event: 'created', provider, kind, id, ...(extra ? { extra } : {}) });
  }

  deleted(provider: string, kind: string, id: string): void {
    this.write({ event: 'deleted', provider, kind, id });
  }
}

/** What a ledger says is still there: created and not deleted since, in creation order. */
export function outstanding(file: string): LedgerEntry[] {
  const live = new Map<string, LedgerEntry>();
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let e: LedgerEntry;
    try {
      e = JSON.parse(line) as LedgerEntry;
    } catch {
      if (i === lines.length - 1) return; // a torn last line from a crash mid-write
      throw new Error(`${file}:${i + 1}: not a ledger entry`);
    }
    const key = `${e.provider}/${e.kind}/${e.id}`;
    if (e.event === 'created') live.set(key, e);
    else live.delete(key);
  });
  return [...live.values()];
}
