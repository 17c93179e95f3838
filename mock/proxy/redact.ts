import type { WireRequest } from '../host/types.ts';

/**
 * What the proxy prints and writes never carries a credential. mock/ may not import the
 * suite's redaction module (suites/support/signing/redact.ts: two independent readings), so
 * this is the proxy's own, smaller one: it knows the request it is reporting on, so it masks
 * the values that request actually carried, wherever they reappear, plus the known names.
 */
export const MASK = '[REDACTED]';

/** Headers whose whole value is a credential, a signature or a session token. */
const SECRET_HEADERS = new Set([
  'authorization', 'proxy-authorization', 'x-auth-token', 'x-subject-token', 'x-amz-security-token',
  'x-acs-signature', 'x-acs-security-token', 'x-acs-accesskey-id', 'x-acs-bearer-token', 'x-security-token', 'cookie',
]);
/** Query and form parameters carrying signatures, tokens or key ids (AWS presigned URLs, Alibaba V1). */
const SECRET_PARAMS = new Set(
  ['Signature', 'SecurityToken', 'AccessKeyId', 'BearerToken', 'X-Amz-Signature', 'X-Amz-Security-Token', 'X-Amz-Credential', 'access_token']
    .map((p) => p.toLowerCase()),
);
// Shorter values would mask ordinary words in messages; their names are still masked.
const MIN_SECRET = 4;

/** Every secret value in the request: secret headers, secret query and form parameters. */
export function secretsOf(wire: WireRequest): string[] {
  const found: string[] = [];
  for (const [k, v] of Object.entries(wire.headers)) if (SECRET_HEADERS.has(k.toLowerCase())) found.push(v);
  for (const [k, v] of wire.query) if (SECRET_PARAMS.has(k.toLowerCase())) found.push(v);
  // Lenient parsing on purpose: a malformed form body still has its secrets found.
  if (/x-www-form-urlencoded/i.test(wire.headers['content-type'] ?? '')) {
    for (const [k, v] of new URLSearchParams(wire.rawBody.toString('utf8'))) if (SECRET_PARAMS.has(k.toLowerCase())) found.push(v);
  }
  const values = found.filter((v) => v.length >= MIN_SECRET);
  // Longest first, so that a token containing a shorter secret is masked whole.
  return [...new Set([...values, ...values.map(encodeURIComponent)])].sort((a, b) => b.length - a.length);
}

/** Masks each of `secrets` wherever it occurs in `text`. */
export function scrub(text: string, secrets: string[]): string {
  return secrets.reduce((t, s) => t.split(s).join(MASK), text);
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
      return SECRET_PARAMS.has(decoded.toLowerCase()) ? `${name}=${MASK}` : pair;
    })
    .join('&');
  return scrub(`${target.slice(0, q)}?${masked}`, secrets);
}
