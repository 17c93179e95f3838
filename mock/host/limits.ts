/**
 * The mock's limits against bad or slow clients, in one place: defaults, flag parsing and the
 * node:http options they become. Users run the mock for hours inside pipelines, so every
 * request costs bounded memory and time whatever the client sends.
 */
export interface Limits {
  /** Bodies above this get the provider's invalid-request 400 and the connection is closed. */
  maxBodyBytes: number;
  /** Request line + headers; above it the provider's 400 (node alone would say 431) and close. */
  maxHeaderBytes: number;
  /** A client that has not sent its headers by then (from connect) is disconnected. */
  headersTimeoutMs: number;
  /** A client that has not sent its whole request (headers and body) by then is disconnected. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** JSON bodies nesting deeper are refused before parsing (no provider documents deeper). */
  maxJsonDepth: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 1024 * 1024,
  maxHeaderBytes: 16 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxJsonDepth: 64,
};

/** The `certconform mock` flag of each limit (README "Robustness" lists them). */
export const LIMIT_FLAGS: Record<keyof Limits, string> = {
  maxBodyBytes: '--max-body-bytes',
  maxHeaderBytes: '--max-header-bytes',
  headersTimeoutMs: '--headers-timeout-ms',
  requestTimeoutMs: '--request-timeout-ms',
  keepAliveTimeoutMs: '--keep-alive-timeout-ms',
  maxJsonDepth: '--max-json-depth',
};

/** Defaults overridden by flag values (strings from the CLI); a bad value throws a sentence. */
export function parseLimits(raw: Partial<Record<keyof Limits, string | number | undefined>>): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_FLAGS) as (keyof Limits)[]) {
    const v = raw[key];
    if (v === undefined) continue;
    const n = Number(v);
    if (!/^\d+$/.test(String(v)) || !Number.isSafeInteger(n) || n < 1) throw new Error(`${LIMIT_FLAGS[key]} must be a positive integer, got '${v}'`);
    limits[key] = n;
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new Error(`--headers-timeout-ms (${limits.headersTimeoutMs}) must not exceed --request-timeout-ms (${limits.requestTimeoutMs})`);
  }
  return limits;
}

/** node:http(s) server options enforcing the limits (timeouts are checked at a quarter of the shortest). */
export function serverOptions(l: Limits) {
  return {
    maxHeaderSize: l.maxHeaderBytes,
    headersTimeout: l.headersTimeoutMs,
    requestTimeout: l.requestTimeoutMs,
    keepAliveTimeout: l.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(25, Math.min(1_000, Math.floor(l.headersTimeoutMs / 4))),
    // node would answer a missing Host with a bare 400; the host answers it in the dialect.
    requireHostHeader: false,
  };
}

/**
 * Whether a JSON text nests arrays/objects deeper than `max`, by a byte scan that skips strings:
 * JSON.parse copes with 100k levels, but a value that deep overflows the stack of every
 * recursive walk after it (ajv, JSON.stringify), so it is refused first.
 */
export function jsonTooDeep(text: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
