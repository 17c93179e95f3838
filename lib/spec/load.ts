import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { specFile } from '../paths.ts';
import type { Provider } from '../providers.ts';
import { indexOperations, type Operation } from './operations.ts';

/** How a provider's wire dialect carries errors, read from `info.x-certconform`. */
export interface Dialect {
  provider: Provider;
  errorSchema: string;
  errorCode: { pointer: string; header?: string; headerSeparator?: string };
  sources: string[];
}

export interface Spec {
  provider: Provider;
  file: string;
  /** The document as written (local $refs kept: validators compile in its context). */
  doc: Record<string, unknown>;
  dialect: Dialect;
  operations: Map<string, Operation>;
}

const cache = new Map<string, Spec>();

/** Loads and indexes a provider's spec once per process; a broken spec is a clear error. */
export function loadSpec(provider: Provider, file = specFile(provider)): Spec {
  const hit = cache.get(file);
  if (hit) return hit;
  let doc: Record<string, unknown>;
  try {
    doc = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`cannot read spec ${file}: ${(e as Error).message}`);
  }
  const info = (doc.info ?? {}) as Record<string, unknown>;
  const dialect = info['x-certconform'] as Dialect | undefined;
  if (!dialect?.errorSchema || !dialect.errorCode?.pointer) {
    throw new Error(`${file}: info.x-certconform must name errorSchema and errorCode.pointer`);
  }
  if (dialect.provider !== provider) {
    throw new Error(`${file}: info.x-certconform.provider is '${dialect.provider}', expected '${provider}'`);
  }
  const spec: Spec = { provider, file, doc, dialect, operations: indexOperations(doc, file) };
  cache.set(file, spec);
  return spec;
}

export function operation(spec: Spec, operationId: string): Operation {
  const op = spec.operations.get(operationId);
  if (!op) throw new Error(`${spec.provider}: the spec has no operation '${operationId}'`);
  return op;
}
