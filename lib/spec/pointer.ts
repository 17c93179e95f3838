/** JSON Pointer (RFC 6901) helpers for walking the OpenAPI documents. */
export const escapeToken = (t: string) => t.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapeToken = (t: string) => t.replace(/~1/g, '/').replace(/~0/g, '~');

export function pointer(...tokens: (string | number)[]): string {
  return '#' + tokens.map((t) => '/' + escapeToken(String(t))).join('');
}

export function get(doc: unknown, ptr: string): unknown {
  const path = ptr.replace(/^#/, '');
  if (path === '') return doc;
  let node: unknown = doc;
  for (const raw of path.slice(1).split('/')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[unescapeToken(raw)];
  }
  return node;
}

/**
 * Follows local `$ref`s (`#/components/...`) until a node without one; returns the node and
 * the pointer it was found at, so that validators compile it in the document's context.
 */
export function deref(doc: unknown, node: unknown, at: string): { node: unknown; at: string } {
  const seen = new Set<string>();
  while (node && typeof node === 'object' && typeof (node as { $ref?: unknown }).$ref === 'string') {
    const ref = (node as { $ref: string }).$ref;
    if (!ref.startsWith('#')) return { node, at }; // external refs are not followed here
    if (seen.has(ref)) throw new Error(`circular $ref ${ref} at ${at}`);
    seen.add(ref);
    at = ref;
    node = get(doc, ref);
    if (node === undefined) throw new Error(`dangling $ref ${ref}`);
  }
  return { node, at };
}
