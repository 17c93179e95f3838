/**
 * A documented error, raised by an engine and serialised by the provider's wire dialect.
 * Engines build these through one constructor per documented error (providers/<p>/errors.ts).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Extra body members the dialect carries (AWS resourceId/resourceArn, Azure innererror). */
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    // A documented outcome, not a bug: nobody reads its stack, and capturing one cost more
    // than the rest of an error reply (a fifth of the 404 path in the profile).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.status = status;
    this.code = code;
    this.extra = extra;
    this.headers = headers;
  }
}
