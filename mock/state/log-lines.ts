import { existsSync, readFileSync } from 'node:fs';
import type { Delta } from './records.ts';

/** One line of FILE.log: what one provider's records became (`set`) and lost (`del`). */
export interface LogLine {
  p: string;
  delta: Delta;
}

export function encodeLine(p: string, d: Delta): string {
  const set = d.set.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',');
  return `{"p":${JSON.stringify(p)},"set":{${set}},"del":${JSON.stringify(d.del)}}\n`;
}

/**
 * The log's lines in order. A last line without its newline or that does not parse was cut by
 * a crash mid-write: its fsync never returned, so no client was told it succeeded; it is
 * dropped. A bad line before the last one is damage, and an error.
 */
export function readLog(file: string): LogLine[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const complete = lines.slice(0, -1); // the part after the last newline is never complete
  return complete.flatMap((line, i): LogLine[] => {
    if (!line) return [];
    try {
      const { p, set, del } = JSON.parse(line) as { p: string; set: Record<string, unknown>; del: string[] };
      return [{ p, delta: { set: Object.entries(set).map(([k, v]) => [k, JSON.stringify(v)]), del } }];
    } catch (e) {
      if (i === complete.length - 1) return [];
      throw new Error(`${file} line ${i + 1} is damaged (${(e as Error).message}); the lines after it cannot be trusted`);
    }
  });
}
