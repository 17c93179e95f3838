import type { Provider } from '../../lib/providers.ts';
import { mutants as alibabaMqtt } from './alibaba-mqtt/index.ts';
import { mutants as awsIot } from './aws-iot/index.ts';
import { mutants as azureKeyVault } from './azure-keyvault/index.ts';
import { mutants as huaweiScm } from './huawei-scm/index.ts';
import { providerOf, type Mutant } from './mutant.ts';

/** The mutant catalog: one folder per provider, one file per operation or constraint class. */
export const MUTANTS: readonly Mutant[] = [...awsIot, ...azureKeyVault, ...alibabaMqtt, ...huaweiScm];

export function mutantsOf(provider: Provider): Mutant[] {
  return MUTANTS.filter((m) => providerOf(m) === provider);
}

/** The mutant of that name, or an error that lists the near names. */
export function findMutant(name: string): Mutant {
  const hit = MUTANTS.find((m) => m.name === name);
  if (hit) return hit;
  const [p = '', rest = ''] = name.split('/');
  const near = MUTANTS.filter((m) => m.name.startsWith(`${p}/`) && rest && m.name.includes(rest.split('-')[0]!)).map((m) => m.name);
  const hint = near.length ? ` Did you mean: ${near.slice(0, 5).join(', ')}?` : ` Known: ${MUTANTS.length} mutants; list them with \`certconform mutants --list\`.`;
  throw new Error(`unknown mutant '${name}'.${hint}`);
}
