import type { Provider } from '../../lib/providers.ts';
import { providerOf, type Mutant } from '../../mock/mutants/mutant.ts';
import type { MockProcess } from './mock-process.ts';
import type { PhaseProject } from './phase.ts';
import { MODEL_FILE, shortName, tagsRegex } from './select.ts';

/** The project name of each provider's unmutated control. */
export const CONTROL = 'control';

export type PhaseName = 'targeted' | 'model' | 'full';

function mutantProject(m: Mutant, mock: MockProcess, grep?: string, grepInvert?: string): PhaseProject {
  const line = mock.mutants.get(m.name);
  if (!line) throw new Error(`the mock printed no listener for ${m.name}`);
  return { provider: providerOf(m), name: shortName(m), line, grep, grepInvert, workers: 1 };
}

function controls(mutants: Mutant[], mock: MockProcess, grepOf: (p: Provider) => string | undefined, grepInvert?: string): PhaseProject[] {
  const providers = [...new Set(mutants.map(providerOf))];
  return providers.map((p) => {
    const line = mock.controls.get(p);
    if (!line) throw new Error(`the mock printed no control listener for ${p}`);
    return { provider: p, name: CONTROL, line, grep: grepOf(p), grepInvert };
  });
}

/** The tests of the model phase: the model-based properties, of these rules if any. */
const modelGrep = (tags: string | undefined) => `^(?=.*${MODEL_FILE})${tags ? `(?=.*${tags})` : ''}`;

/**
 * The projects of one phase, each mutant's and an unmutated control per provider that runs the
 * union of what its provider's mutants run (so a failure there says the suite, not the mutant,
 * is wrong). `full`: every test of the provider. `targeted`: the tests tagged with the mutant's
 * rules, except the model-based properties (slow, and most mutants fall to a scenario test
 * first). `model`: the survivors' tagged properties.
 */
export function phaseProjects(phase: PhaseName, mutants: Mutant[], mock: MockProcess): PhaseProject[] {
  if (phase === 'full') return [...controls(mutants, mock, () => undefined), ...mutants.map((m) => mutantProject(m, mock))];
  const ofProvider = (p: Provider) => mutants.filter((m) => providerOf(m) === p).map((m) => tagsRegex(m.rules));
  // Everything if one of them runs everything (a mutant naming only SPEC-001).
  const union = (p: Provider) => (ofProvider(p).some((g) => g === undefined) ? undefined : `(?:${ofProvider(p).join('|')})`);
  if (phase === 'model') return [...controls(mutants, mock, (p) => modelGrep(union(p))), ...mutants.map((m) => mutantProject(m, mock, modelGrep(tagsRegex(m.rules))))];
  return [...controls(mutants, mock, union, MODEL_FILE), ...mutants.map((m) => mutantProject(m, mock, tagsRegex(m.rules), MODEL_FILE))];
}
