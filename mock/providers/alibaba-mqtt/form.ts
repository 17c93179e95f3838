const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses an `application/x-www-form-urlencoded` body strictly. URLSearchParams would pass a
 * broken `%E2%82` or stray bytes through as replacement characters, and the mock would then
 * validate (and sign-check) text the client never sent; here they are an error instead.
 */
export function parseForm(body: Buffer): Map<string, string> | Error {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return new Error('the form body is not UTF-8');
  }
  const params = new Map<string, string>();
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [rawKey, rawValue] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    try {
      params.set(decode(rawKey), decode(rawValue));
    } catch {
      return new Error(`the form body has a malformed percent-encoding near '${pair.slice(0, 40)}'`);
    }
  }
  return params;
}

const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));

/** True for the form content type, whatever its parameters (`; charset=UTF-8`). */
export const isForm = (contentType: string | undefined) =>
  (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/x-www-form-urlencoded';
