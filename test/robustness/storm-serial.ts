/** One operation of a storm as it happened: what was asked and what came back (`status [code]`). */
export interface Recorded {
  op: string;
  outcome: string;
}

/**
 * A model step, read from the documentation: the outcomes `op` may have in state `s`, each with
 * the state it leaves. An outcome is `status code`, or a bare `status` where any code is documented.
 */
export type Step<S> = (s: S, op: string) => { outcome: string; next: S }[];

const matches = (documented: string, seen: string) => seen === documented || seen.startsWith(`${documented} `);

export type Verdict<S> = { order: Recorded[]; final: S; steps: number } | { order?: undefined; reason: string; steps: number };

/**
 * Looks for a serial order of the recorded operations (all issued at once, so any order is
 * allowed in real time) that the model explains, i.e. every outcome is one the model allows in
 * the state the operations before it left, and that ends in the observed final state. Depth-
 * first over groups of identical (op, outcome) pairs, memoised on (state, what is left), so
 * fifty copies of a few operations collapse; candidates are tried in the order the answers
 * arrived (the mock is single-threaded, so that is nearly the order it applied them), and a
 * budget bounds a hopeless search.
 */
export function serialOrder<S>(initial: S, recorded: Recorded[], step: Step<S>, key: (s: S) => string, observed: S, budget = 50_000): Verdict<S> {
  const groups: (Recorded & { at: number[] })[] = [];
  recorded.forEach((r, i) => {
    const g = groups.find((x) => x.op === r.op && x.outcome === r.outcome);
    if (g) g.at.push(i);
    else groups.push({ ...r, at: [i] });
  });
  const used = groups.map(() => 0);
  const dead = new Set<string>();
  const target = key(observed);
  let visited = 0;
  const path: Recorded[] = [];
  const search = (s: S): boolean => {
    if (path.length === recorded.length) return key(s) === target;
    const memo = `${key(s)}|${used.join(',')}`;
    if (dead.has(memo) || ++visited > budget) return false;
    const next = groups.map((g, i) => ({ g, i })).filter(({ g, i }) => used[i]! < g.at.length);
    next.sort((a, b) => a.g.at[used[a.i]!]! - b.g.at[used[b.i]!]!);
    for (const { g, i } of next) {
      for (const { outcome, next: after } of step(s, g.op)) {
        if (!matches(outcome, g.outcome)) continue;
        used[i]!++;
        path.push({ op: g.op, outcome: g.outcome });
        if (search(after)) return true;
        path.pop();
        used[i]!--;
      }
    }
    dead.add(memo);
    return false;
  };
  if (search(initial)) return { order: path, final: observed, steps: visited };
  if (visited > budget) return { reason: `no serial order found within ${budget} search steps`, steps: visited };
  const tally = groups.map((g) => `${g.at.length} x ${g.op} -> ${g.outcome}`).join('; ');
  return { reason: `no serial order of the accepted operations explains the answers and the final state ${target} (${tally})`, steps: visited };
}

/** A storm on shared resources: its operations, the model that must explain them, the end state seen. */
export interface Storm<S> {
  initial: S;
  ops: { op: string; send: () => Promise<string> }[];
  step: Step<S>;
  key(s: S): string;
  /** The final state as the API shows it (describe, get, list), in the model's terms. */
  observe(): Promise<S>;
}
