import type { RecordedExchange, TestRecording } from './format.ts';
import { align, MAX_CELLS, type Aligned } from './align.ts';
import { shapeDifferences, shapeOf } from './shape.ts';

/** One exchange whose answer differs from the recording, or that only one side has. */
export interface Divergence {
  /** testKey(file, title). */
  test: string;
  operation: string;
  /** The step in the received run (absent: recorded but not sent), and in the recording. */
  step?: number;
  recordedStep?: number;
  recorded: string;
  received: string;
  /** What differs: the status, the code, or the body's shape at a path. */
  what: string[];
  /** The received request as a redacted curl line. */
  curl?: string;
}

const answer = (e: RecordedExchange) => `${e.response.status}${e.response.code ? ` ${e.response.code}` : ''}`;
const opKey = (e: RecordedExchange) => `${e.operation} ${e.request.method}`;

function differences(rec: RecordedExchange, got: RecordedExchange): string[] {
  const out: string[] = [];
  if (rec.response.status !== got.response.status) out.push(`status: recorded ${rec.response.status}, received ${got.response.status}`);
  if ((rec.response.code ?? '') !== (got.response.code ?? '')) out.push(`code: recorded ${rec.response.code ?? 'none'}, received ${got.response.code ?? 'none'}`);
  // A body's shape is compared where the answer is the same: another status has another body.
  if (!out.length) out.push(...shapeDifferences(shapeOf(rec.response.body), shapeOf(got.response.body)));
  return out;
}

/**
 * Pairs the two runs' exchanges in the order sent: only the same operation pairs, as many as
 * can; among equal counts, the same answer with the same body shape, then the same answer. A long test is aligned per operation instead.
 */
function pairs(rs: RecordedExchange[], gs: RecordedExchange[]): Aligned[] {
  const rk = rs.map(opKey);
  const gk = gs.map(opKey);
  // The answer, and the answer with its body's shape: an identical exchange pairs before a similar one.
  const ra = rs.map(answer);
  const ga = gs.map(answer);
  const rf = rs.map((e, i) => `${ra[i]} ${JSON.stringify(shapeOf(e.response.body))}`);
  const gf = gs.map((e, j) => `${ga[j]} ${JSON.stringify(shapeOf(e.response.body))}`);
  // Pairing more exchanges in order counts most; the same answer and shape only break ties.
  const score = (i: number, j: number) => (rk[i] !== gk[j] ? 0 : rf[i] === gf[j] ? 5 : ra[i] === ga[j] ? 4 : 3);
  if ((rs.length + 1) * (gs.length + 1) <= MAX_CELLS) return align(rs.length, gs.length, score);
  const out: Aligned[] = [];
  for (const k of new Set([...rk, ...gk])) {
    const ri = rk.flatMap((x, i) => (x === k ? [i] : []));
    const gi = gk.flatMap((x, j) => (x === k ? [j] : []));
    for (const p of align(ri.length, gi.length, (i, j) => score(ri[i]!, gi[j]!))) {
      out.push(p.a !== undefined && p.b !== undefined ? { a: ri[p.a]!, b: gi[p.b]! } : p.a !== undefined ? { a: ri[p.a]! } : { b: gi[p.b!]! });
    }
  }
  return out;
}

/**
 * The divergences of one test: a pair of exchanges whose status, error code or body shape
 * differs, and an exchange only one side has unless the other side has the same operation with
 * the same answer elsewhere (concurrent requests leave in either order; polling and paging
 * through listings that hold other tests' resources take as many requests as they need).
 * Sorted by step, so the first one is where the target first answered otherwise.
 */
export function compareTest(test: string, recorded: TestRecording, received: TestRecording): Divergence[] {
  const rs = recorded.exchanges;
  const gs = received.exchanges;
  const seen = (list: RecordedExchange[]) => new Set(list.map((e) => `${opKey(e)} ${answer(e)}`));
  const inR = seen(rs);
  const inG = seen(gs);
  const out: Divergence[] = [];
  for (const p of pairs(rs, gs)) {
    const a = p.a === undefined ? undefined : rs[p.a];
    const b = p.b === undefined ? undefined : gs[p.b];
    if (a && !b && inG.has(`${opKey(a)} ${answer(a)}`)) continue;
    if (b && !a && inR.has(`${opKey(b)} ${answer(b)}`)) continue;
    const what = a && b ? differences(a, b) : [a ? 'recorded, not sent this time' : 'sent this time, not in the recording'];
    if (!what.length) continue;
    const e = (b ?? a)!;
    out.push({
      test, operation: e.operation, ...(b ? { step: b.n } : {}), ...(a ? { recordedStep: a.n } : {}),
      recorded: a ? answer(a) : '-', received: b ? answer(b) : '-', what, ...(b?.curl ? { curl: b.curl } : {}),
    });
  }
  return out.sort((x, y) => (x.step ?? x.recordedStep ?? 0) - (y.step ?? y.recordedStep ?? 0));
}
