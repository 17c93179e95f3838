/**
 * A documented error, raised by an engine and serialised by the provider's wire dialect.
 * Engines build these through one constructor per documented error (providers/<p>/errors.ts).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra body members the dialect carries (AWS resourceId/resourceArn, Azure innererror). */
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
