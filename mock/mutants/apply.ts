import { loadSpec, type Spec } from '../../lib/spec/load.ts';
import { indexOperations } from '../../lib/spec/operations.ts';
import type { Handler, ProviderModule, Reply } from '../host/types.ts';
import { providerOf, type Mutant } from './mutant.ts';

/**
 * The one seam between mutants and the mock: a mutated copy of a provider module and of the
 * spec its host validates against. `serve(module, { spec })` takes both; nothing else changes.
 */
export function applyMutant<S>(module: ProviderModule<S>, mutant: Mutant): { module: ProviderModule<S>; spec: Spec } {
  if (providerOf(mutant) !== module.provider) throw new Error(`mutant ${mutant.name} is not for ${module.provider}`);
  const base = loadSpec(module.provider);
  let spec = base;
  if (mutant.spec) {
    const doc = structuredClone(base.doc);
    mutant.spec(doc);
    spec = { ...base, doc, operations: indexOperations(doc, base.file) };
  }
  const copy: ProviderModule<S> = { ...module, handlers: { ...module.handlers }, control: module.control && { ...module.control } };
  mutant.module?.(copy);
  return { module: copy, spec };
}

/** Replaces a handler with one built around the original (`next`). */
export function wrapHandler<S>(module: ProviderModule<S>, operationId: string, wrap: (next: Handler<S>) => Handler<S>): void {
  const next = module.handlers[operationId];
  if (!next) throw new Error(`${module.provider} has no handler '${operationId}'`);
  module.handlers[operationId] = wrap(next);
}

/**
 * Rewrites every reply an operation's handler returns. Errors it throws (ApiError) pass by to
 * the dialect: override the module's `errorReply` to change those.
 */
export function mapReplies<S>(module: ProviderModule<S>, operationId: string, map: (reply: Reply) => Reply): void {
  wrapHandler(module, operationId, (next) => async (input, state, ctx) => map(await next(input, state, ctx)));
}

/** The schema object at a JSON pointer of a spec document (for spec mutants). */
export function at(doc: Record<string, unknown>, pointer: string): Record<string, any> {
  let node: any = doc;
  for (const raw of pointer.replace(/^#?\//, '').split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === undefined || node === null || !(key in node)) throw new Error(`spec mutant: no '${pointer}' in the document`);
    node = node[key];
  }
  return node;
}
