import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { rulesFile } from '../paths.ts';
import type { Provider } from '../providers.ts';
import { createAjv } from '../spec/validator.ts';

export const LEVELS = ['MUST', 'SHOULD', 'INFO'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * What a rule rests on (specs/README.md, "Rule catalogs"). Only `seed` can carry a MUST;
 * `emulator` and `inference` are never above SHOULD (lib/rules/fidelity.ts checks both).
 */
export const BASIS_MEANING = {
  seed: 'a seed page (the provider documentation) states the behaviour',
  reference: 'official material beyond the seed pages (a service model, another official page) implies it',
  sdk: "an official SDK's behaviour implies it",
  emulator: 'an emulator or a recording of one does it; the provider never says so',
  inference: 'inferred from other documented facts; no source states it',
} as const;
export type Basis = keyof typeof BASIS_MEANING;
export const BASES = Object.keys(BASIS_MEANING) as Basis[];

export interface Outcome {
  status: number;
  code?: string;
  /** When the outcome is judged on another operation's response (e.g. Describe after Delete). */
  operation?: string;
}

export interface Rule {
  id: string;
  level: Level;
  basis: Basis;
  operation: string;
  category: string;
  statement: string;
  source: { file: string; heading: string; quote: string };
  outcomes: Outcome[];
  discrepancy?: string;
}

export interface Catalog {
  provider: Provider;
  rules: Rule[];
}

const schema = createRequire(import.meta.url)('./catalog.schema.json');
let validate: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

/** A JSON pointer into a catalog, with the rule's id where it points into a rule (`/rules/3 (AZKV-DEL-002)`). */
function pointerOf(data: unknown, pointer: string): string {
  const n = /^\/rules\/(\d+)/.exec(pointer)?.[1];
  const id = n === undefined ? undefined : (data as { rules?: { id?: unknown }[] }).rules?.[Number(n)]?.id;
  return typeof id === 'string' ? `${pointer} (${id})` : pointer || '(top level)';
}

/** Loads a rule catalog; a catalog that breaks the schema is an error naming the entries. */
export function loadCatalog(provider: Provider, file = rulesFile(provider)): Catalog {
  const data = parse(readFileSync(file, 'utf8')) as Catalog;
  validate ??= createAjv().compile(schema);
  if (!validate(data)) {
    const where = (validate.errors ?? []).map((e: { instancePath: string; message?: string }) => `${pointerOf(data, e.instancePath)} ${e.message}`);
    const more = where.length > 8 ? `; and ${where.length - 8} more` : '';
    throw new Error(`${file}: not a valid rule catalog: ${where.slice(0, 8).join('; ')}${more}`);
  }
  if (data.provider !== provider) throw new Error(`${file}: provider is '${data.provider}', expected '${provider}'`);
  return data;
}
