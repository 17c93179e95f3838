import { Ajv, type ErrorObject } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CertconformConfig } from './define.ts';
import { interpolate, jsonPath } from './interpolate.ts';

/** A config file that cannot be used: one sentence naming the file and the key (exit 2). */
export class ConfigError extends Error {}

/** Looked for in the working directory, in this order, as Playwright looks for its own. */
export const CONFIG_NAMES = ['certconform.config.ts', 'certconform.config.mts', 'certconform.config.js', 'certconform.config.mjs', 'certconform.config.json'];

const schema = createRequire(import.meta.url)('./certconform.config.schema.json') as object;
// verbose: errors carry the offending value and the schema that refused it, for the message.
const validate = new Ajv({ allErrors: true, verbose: true, strict: false }).compile<CertconformConfig>(schema);

/** `--config FILE`, else the one certconform.config.* of the working directory, else none. */
export function findConfig(given: string | undefined, cwd = process.cwd()): string | undefined {
  if (given !== undefined) {
    const file = resolve(cwd, given);
    if (!existsSync(file)) throw new ConfigError(`--config: no file ${given}`);
    return file;
  }
  const found = CONFIG_NAMES.filter((n) => existsSync(resolve(cwd, n)));
  if (found.length > 1) throw new ConfigError(`${found.join(' and ')} are both here: keep one, or choose with --config FILE`);
  return found[0] && resolve(cwd, found[0]);
}

/** Reads, interpolates and validates a config file; relative paths stay as written (config.ts resolves them). */
export async function loadConfig(file: string, env: NodeJS.ProcessEnv = process.env): Promise<CertconformConfig> {
  const name = basename(file);
  let raw: unknown;
  try {
    raw = await read(file);
  } catch (e) {
    const why = (e as Error).message.split('\n')[0];
    throw new ConfigError(`${name} could not be read: ${why}`);
  }
  let config: unknown;
  try {
    config = interpolate(raw, env);
  } catch (e) {
    throw new ConfigError(`${name}: ${(e as Error).message}`);
  }
  if (!validate(config)) throw new ConfigError(`${name}: ${describe(pick(validate.errors ?? []))}`);
  return config;
}

async function read(file: string): Promise<unknown> {
  const ext = extname(file);
  if (ext === '.json') return JSON.parse(readFileSync(file, 'utf8'));
  if (!['.ts', '.mts', '.js', '.mjs'].includes(ext)) throw new Error(`a config file is .ts, .mts, .js, .mjs or .json, not ${ext || 'extensionless'}`);
  // TypeScript through tsx, loaded only when a .ts config asks for it (start-up stays light).
  const mod = (['.ts', '.mts'].includes(ext)
    ? await (await import('tsx/esm/api')).tsImport(pathToFileURL(file).href, import.meta.url)
    : await import(pathToFileURL(file).href)) as { default?: unknown };
  // A .ts file outside a "type": "module" package loads as CommonJS: its default is one level down.
  const found = mod.default && typeof mod.default === 'object' && '__esModule' in mod.default ? (mod.default as { default?: unknown }).default : mod.default;
  if (found === undefined) throw new Error('it has no default export (export default defineConfig({...}))');
  return found;
}

/** Most telling first: an unknown or misspelt key says more than the required key it left out. */
const RANK = ['additionalProperties', 'propertyNames', 'enum', 'pattern', 'minimum', 'maximum', 'minLength', 'type', 'required'];

/** The one error to report: the most telling kind at the deepest path (oneOf's own summary never). */
function pick(errors: ErrorObject[]): ErrorObject | undefined {
  const real = errors.filter((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword));
  const rank = (e: ErrorObject) => (RANK.indexOf(e.keyword) + 1 || RANK.length + 1) - e.instancePath.split('/').length * 100;
  const best = real.sort((a, b) => rank(a) - rank(b))[0];
  if (!best || best.keyword !== 'type') return best;
  // Every branch of a oneOf refused the value's type: name them all.
  const types = real.filter((e) => e.keyword === 'type' && e.instancePath === best.instancePath).map((e) => (e.params as { type: string }).type);
  return { ...best, message: `must be ${[...new Set(types)].join(' or ')}` };
}

/** Ajv's error as one phrase about a JSON path (`$.targets[0].url must match ...`). */
function describe(e: ErrorObject | undefined): string {
  if (!e) return 'does not match the config schema';
  const at = jsonPath(e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')));
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `${jsonPath([...pathOf(e), String(p.additionalProperty)])} is not a known key (known: ${known(e)})`;
    case 'required':
      return `${at} needs '${String(p.missingProperty)}'`;
    case 'enum':
      return `${at} must be one of ${(p.allowedValues as unknown[]).join(', ')}, got ${JSON.stringify(e.data)}`;
    case 'propertyNames':
      return `${jsonPath([...pathOf(e), String(p.propertyName)])} is not an allowed key here`;
    case 'pattern':
      return e.propertyName !== undefined ? `${jsonPath([...pathOf(e), e.propertyName])} is not an allowed key here` : `${at} ${e.message}, got ${JSON.stringify(e.data)}`;
    default:
      return `${at} ${e.message ?? 'is not valid'}, got ${JSON.stringify(e.data)}`;
  }
}

const pathOf = (e: ErrorObject) => e.instancePath.split('/').slice(1);
const known = (e: ErrorObject) => Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}).filter((k) => k !== '$schema').join(', ');
