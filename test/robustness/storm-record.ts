import type { Exchange } from '../../suites/support/http/exchange.ts';
import type { Recorded } from './storm-serial.ts';

/** One operation of a storm: its name in the model, and how to send it (resolving to its outcome). */
export interface StormOp {
  op: string;
  send: () => Promise<string>;
}

/** `status code` of an exchange, the form the models speak. */
export const outcomeOf = (ex: Exchange) => `${ex.status}${ex.code ? ` ${ex.code}` : ''}`;

/** A fixed shuffle (LCG), so a storm issues its operations in the same mixed order every run. */
export function shuffle<T>(xs: T[], seed = 42): T[] {
  const out = [...xs];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Issues every operation at once and records each one with its outcome, in completion order. */
export async function fireAll(ops: StormOp[]): Promise<Recorded[]> {
  const done: Recorded[] = [];
  await Promise.all(ops.map(async ({ op, send }) => done.push({ op, outcome: await send() })));
  return done;
}

/** `count` copies of an operation. */
export const times = (count: number, op: string, send: () => Promise<string>): StormOp[] => Array.from({ length: count }, () => ({ op, send }));

/** The recorded operations as lines, for a failure message. */
export const transcript = (rs: Recorded[]) => rs.map((r, i) => `${String(i + 1).padStart(3)}. ${r.op} -> ${r.outcome}`).join('\n');
