/**
 * Whether a request-target's percent-encodings are well formed: every `%` starts two hex digits
 * and the bytes they spell are UTF-8. A target that fails is refused as a whole with the
 * provider's invalid-request error, instead of each parameter guessing at what was meant.
 */
export function wellEncoded(target: string): boolean {
  if (!target.includes('%')) return true;
  try {
    decodeURIComponent(target);
    return true;
  } catch {
    return false; // URIError: a stray %, or %-escapes that are not UTF-8 (e.g. %FF, %C3%28)
  }
}
