import { BASES, type Basis } from './catalog.ts';

/** The members of a rule the fidelity lint reads (a parsed catalog entry, possibly malformed). */
export interface RuleBasis {
  id: string;
  level: string;
  basis?: string;
  source: { file: string };
}

const isSeedFile = (file: string) => file.startsWith('seeds/');
// Below MUST only: what official material beyond the seeds, or an SDK, implies (SHOULD or INFO).
const NOT_MUST: readonly Basis[] = ['reference', 'sdk'];
// Never above SHOULD: what an emulator does or what we infer is no provider's promise.
const AT_MOST_SHOULD: readonly Basis[] = ['emulator', 'inference'];

/**
 * The catalog's fidelity principles (specs/README.md, "Rule catalogs"), one message per broken
 * principle, each naming the rule: every rule has a basis from the closed list; a MUST rests on
 * a seed page (basis `seed`, source under seeds/); `reference` and `sdk` are never MUST;
 * `emulator` and `inference` are never above SHOULD; basis `seed` cites a seed page.
 */
export function fidelityProblems(rules: readonly RuleBasis[]): string[] {
  const out: string[] = [];
  for (const r of rules) {
    const file = r.source?.file ?? '';
    if (r.basis === undefined) out.push(`${r.id}: no basis (one of ${BASES.join(', ')})`);
    else if (!(BASES as readonly string[]).includes(r.basis)) out.push(`${r.id}: unknown basis '${r.basis}' (one of ${BASES.join(', ')})`);
    const basis = r.basis as Basis | undefined;
    if (r.level === 'MUST') {
      if (basis && NOT_MUST.includes(basis)) out.push(`${r.id}: MUST on basis ${basis}: official material beyond the seeds and SDK behaviour carry SHOULD at most`);
      if (basis && AT_MOST_SHOULD.includes(basis)) out.push(`${r.id}: MUST on basis ${basis}: an emulator's behaviour or an inference is never above SHOULD`);
      if (!isSeedFile(file)) out.push(`${r.id}: MUST cites ${file}: a MUST needs a seed page (seeds/) that states the behaviour`);
    } else if (basis === 'seed' && !isSeedFile(file)) {
      out.push(`${r.id}: basis seed, but its source ${file} is not a seed page (seeds/)`);
    }
  }
  return out;
}
