import { at } from '../apply.ts';

type Obj = Record<string, any>;

/** The pseudo-path item of an RPC action (`/DeleteCaCertificate`), found by its operationId. */
function operationOf(doc: Obj, operationId: string): Obj {
  for (const item of Object.values(doc.paths as Obj)) if (item.post?.operationId === operationId) return item.post;
  throw new Error(`spec mutant: no operation '${operationId}' in the document`);
}

const resolve = (doc: Obj, node: Obj): Obj => (node.$ref ? at(doc, node.$ref) : node);

/**
 * One parameter of one action as a private copy (its `$ref`s to shared parameters and
 * schemas inlined), so that an edit changes that action only: the other actions sharing the
 * component keep the documented constraint.
 */
export function ownParameter(doc: Obj, operationId: string, name: string): Obj {
  const params = operationOf(doc, operationId).parameters as Obj[];
  const i = params.findIndex((p) => resolve(doc, p).name === name);
  if (i < 0) throw new Error(`spec mutant: ${operationId} has no parameter '${name}'`);
  const param = structuredClone(resolve(doc, params[i]!));
  param.schema = structuredClone(resolve(doc, param.schema));
  params[i] = param;
  return param;
}
