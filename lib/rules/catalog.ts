import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { rulesFile } from '../paths.ts';
import type { Provider } from '../providers.ts';
import { createAjv } from '../spec/validator.ts';

export const LEVELS = ['MUST', 'SHOULD', 'INFO'] as const;
export type Level = (typeof LEVELS)[number];

export interface Outcome {
  status: number;
  code?: string;
  /** When the outcome is judged on another operation's response (e.g. Describe after Delete). */
  operation?: string;
}

export interface Rule {
  id: string;
  level: Level;
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

/** Loads a rule catalog; a catalog that breaks the schema is an error naming the entries. */
export function loadCatalog(provider: Provider, file = rulesFile(provider)): Catalog {
  const data = parse(readFileSync(file, 'utf8')) as Catalog;
  validate ??= createAjv().compile(schema);
  if (!validate(data)) {
    const where = (validate.errors ?? []).map((e: { instancePath: string; message?: string }) => `${e.instancePath} ${e.message}`).join('; ');
    throw new Error(`${file}: not a valid rule catalog: ${where}`);
  }
  if (data.provider !== provider) throw new Error(`${file}: provider is '${data.provider}', expected '${provider}'`);
  return data;
}
