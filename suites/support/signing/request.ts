/** An HTTP request as the signers see it: what goes on the wire, nothing client-specific. */
export interface SignableRequest {
  method: string;
  /** Absolute URL; its query is part of what gets signed. */
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** A header value by case-insensitive name. */
export function header(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** Decoded query parameters; a repeated name becomes an array (as every signer expects). */
export function queryOf(url: URL): Record<string, string | string[]> {
  // No prototype: a parameter named like an Object member (toString, __proto__) stays a
  // parameter instead of reading or setting the prototype's.
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [k, v] of url.searchParams) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

export const bodyBytes = (body: SignableRequest['body']): Uint8Array =>
  body === undefined ? new Uint8Array() : typeof body === 'string' ? new TextEncoder().encode(body) : body;
