import { isSecretHeader, isSecretParam, MASK, MIN_SECRET, redactText } from '../../lib/redact.ts';
import type { WireRequest } from '../host/types.ts';

/**
 * What the proxy prints and writes never carries a credential. The names to mask come from the
 * one redaction module (lib/redact.ts); the proxy also knows the request it reports on, so it
 * masks the values that request actually carried wherever they reappear (an echoed signature).
 */

/** Every secret value in the request: secret headers, secret query and form parameters. */
export function secretsOf(wire: WireRequest): string[] {
  const found: string[] = [];
  for (const [k, v] of Object.entries(wire.headers)) if (isSecretHeader(k)) found.push(v);
  for (const [k, v] of wire.query) if (isSecretParam(k)) found.push(v);
  // Lenient parsing on purpose: a malformed form body still has its secrets found.
  if (/x-www-form-urlencoded/i.test(wire.headers['content-type'] ?? '')) {
    for (const [k, v] of new URLSearchParams(wire.rawBody.toString('utf8'))) if (isSecretParam(k)) found.push(v);
  }
  const values = found.filter((v) => v.length >= MIN_SECRET);
  // Longest first, so that a token containing a shorter secret is masked whole.
  return [...new Set([...values, ...values.map(encodeURIComponent)])].sort((a, b) => b.length - a.length);
}

/** Masks each of `secrets` wherever it occurs in `text`, then every secret the names reveal. */
export function scrub(text: string, secrets: string[]): string {
  return redactText(secrets.reduce((t, s) => t.split(s).join(MASK), text));
}

/** A request-target with the values of secret query parameters masked (and any known secret). */
export function redactTarget(target: string, secrets: string[]): string {
  const q = target.indexOf('?');
  if (q < 0) return scrub(target, secrets);
  const masked = target
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=')[0]!;
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // an undecodable name is compared as written
      }
      return isSecretParam(decoded) ? `${name}=${MASK}` : pair;
    })
    .join('&');
  return scrub(`${target.slice(0, q)}?${masked}`, secrets);
}
