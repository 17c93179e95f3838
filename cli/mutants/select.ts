import { PROVIDERS, isProvider } from '../../lib/providers.ts';
import { findMutant, MUTANTS } from '../../mock/mutants/index.ts';
import { providerOf, type Mutant } from '../../mock/mutants/mutant.ts';
import { UsageError } from '../mock.ts';

const escape = (s: string) => s.replace(/[.+^${}()|[\]\\]/g, '\\$&');

/** `*` any run of characters, `?` one; anything else literal. */
const globRegex = (glob: string) => new RegExp(`^${escape(glob).replace(/\*/g, '.*').replace(/\?/g, '.')}$`);

/**
 * The mutants `--only` (names or globs, comma-separated or repeated) and `--provider` select,
 * in catalog order. A name that matches nothing is a usage error that lists near names.
 */
export function selectMutants(only: string[], provider?: string): Mutant[] {
  if (provider !== undefined && !isProvider(provider)) throw new UsageError(`--provider: unknown provider '${provider}' (known: ${PROVIDERS.join(', ')})`);
  let chosen = MUTANTS.filter((m) => !provider || providerOf(m) === provider);
  const patterns = only.flatMap((o) => o.split(',')).map((o) => o.trim()).filter(Boolean);
  if (patterns.length) {
    for (const p of patterns) {
      if (/[*?]/.test(p)) {
        if (!MUTANTS.some((m) => globRegex(p).test(m.name))) throw new UsageError(`--only ${p} matches no mutant (list them with --list)`);
      } else {
        try {
          findMutant(p);
        } catch (e) {
          throw new UsageError((e as Error).message);
        }
      }
    }
    const res = patterns.map(globRegex);
    chosen = chosen.filter((m) => res.some((r) => r.test(m.name)));
  }
  if (!chosen.length) throw new UsageError(`no mutant selected${provider ? ` for ${provider}` : ''} (list them with --list)`);
  return chosen;
}

/** The short name a mutant's Playwright project and report rows carry: `aws-iot@<short>`. */
export const shortName = (m: Pick<Mutant, 'name'>) => m.name.slice(m.name.indexOf('/') + 1);

/**
 * Tests carrying one of these rule tags (`@AWSIOT-DEL-001`, a whole tag). `<P>-SPEC-001` is
 * checked on every exchange of every test and no test is tagged with it: rules naming only it
 * select every test (undefined: no grep).
 */
export function tagsRegex(rules: string[]): string | undefined {
  const tagged = [...new Set(rules)].filter((r) => !r.endsWith('-SPEC-001'));
  return tagged.length ? `(?:${tagged.map((r) => `@${escape(r)}`).join('|')})(?=\\s|$)` : undefined;
}

/** The model-based property tests (suites/<provider>/model.spec.ts): slow, so run for survivors only. */
export const MODEL_FILE = '(?:^|[\\s/])model\\.spec\\.ts\\s';
