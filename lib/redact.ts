/**
 * The one redaction module, applied at every output edge (terminal, reports, ledger, curl lines,
 * the validation proxy's log): credentials, signatures and tokens never leave the process. It is
 * not a reading of the documentation, so suites and mock share it. Nothing here knows which
 * provider produced the text; it masks every form any of the four uses.
 */
export const MASK = '[REDACTED]';

/** Headers whose whole value is a credential or a signature. */
const SECRET_HEADERS = [
  'authorization', 'proxy-authorization', 'x-auth-token', 'x-subject-token', 'x-amz-security-token',
  'x-acs-signature', 'x-acs-security-token', 'x-acs-accesskey-id', 'x-acs-bearer-token', 'x-acs-zero-trust-idtoken', 'x-security-token', 'cookie', 'set-cookie',
];
/** Query, form and auth-header parameters carrying signatures, tokens or key ids. */
const SECRET_PARAMS = [
  'Signature', 'SecurityToken', 'AccessKeyId', 'BearerToken', 'X-Amz-Signature', 'X-Amz-Security-Token',
  'X-Amz-Credential', 'access_token', 'Credential', 'Access',
];
/** JSON keys (compared lowercase, `-`/`_` ignored) whose values are secrets. */
const SECRET_KEYS = new Set(
  [...SECRET_HEADERS, ...SECRET_PARAMS, 'sessionToken', 'secretAccessKey', 'accessKeySecret', 'secret', 'sk', 'ak',
    'password', 'pwd', 'token', 'clientSecret'].map((k) => normKey(k)),
);
const HEADER_SET = new Set(SECRET_HEADERS);
const PARAM_SET = new Set(SECRET_PARAMS.map((p) => p.toLowerCase()));
/** Secrets shorter than this would mask ordinary words; such values are not masked by value. */
export const MIN_SECRET = 6;

/** A header whose whole value is a credential, a signature or a session token. */
export const isSecretHeader = (name: string): boolean => HEADER_SET.has(name.toLowerCase());
/** A query, form or auth-header parameter that carries a signature, a token or a key id. */
export const isSecretParam = (name: string): boolean => PARAM_SET.has(name.toLowerCase());

const secrets = new Set<string>();

function normKey(k: string): string {
  return k.toLowerCase().replace(/[-_]/g, '');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (names: string[]) => names.map(escapeRe).join('|');

// `Name: value` in header dumps, curl -H arguments and JSON text (`"name":"value"`).
const HEADER_LINE = new RegExp(`(^|[\\s'"{,])(${alternatives(SECRET_HEADERS)})(["']?\\s*:\\s*["']?)[^'"\\r\\n]*`, 'gim');
// `Name=value` in URLs, form bodies and the parameter lists of Authorization headers.
const PARAM = new RegExp(`(^|[?&\\s,;'"])(${alternatives(SECRET_PARAMS)})=[^&\\s'",;#]*`, 'gi');
// A Bearer token (RFC 6750 b64token), but not a challenge's `Bearer name="value"` parameters.
const BEARER = /\bBearer\s+(?![\w-]+\s*=\s*")[A-Za-z0-9\-._~+/]+=*/g;

/** Registers a value to mask wherever it appears (secret keys, tokens known at run time). */
export function registerSecret(value: string | undefined): void {
  if (!value || value.length < MIN_SECRET) return;
  secrets.add(value);
  secrets.add(encodeURIComponent(value));
}

/** Forgets run-time secrets (tests). */
export const clearSecrets = (): void => secrets.clear();

/** Free text: curl lines, URLs, header dumps, error messages, serialised JSON. */
export function redactText(text: string): string {
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join(MASK);
  return out
    .replace(HEADER_LINE, (_m, pre: string, name: string, sep: string) => `${pre}${name}${sep}${MASK}`)
    .replace(PARAM, (_m, pre: string, name: string) => `${pre}${name}=${MASK}`)
    .replace(BEARER, `Bearer ${MASK}`);
}

export const redactUrl = (url: string): string => redactText(url);

type HeaderValue = string | string[] | number | undefined;

/** A header map: secret headers masked whole, every other value scanned as text. */
export function redactHeaders<T extends Record<string, HeaderValue>>(headers: T): T {
  const out: Record<string, HeaderValue> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (isSecretHeader(k) && v !== undefined) out[k] = MASK;
    else if (typeof v === 'string') out[k] = redactText(v);
    else if (Array.isArray(v)) out[k] = v.map(redactText);
    else out[k] = v;
  }
  return out as T;
}

/** A JSON value (parsed): secret keys masked, every string scanned as text. */
export function redactJson<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [k, SECRET_KEYS.has(normKey(k)) && x != null ? MASK : walk(x)]),
      );
    }
    return v;
  };
  return walk(value) as T;
}

/** Anything: text is scanned, objects walked. */
export const redact = <T>(value: T): T => (typeof value === 'string' ? (redactText(value) as T) : redactJson(value));
