/**
 * Re-reads until `ok` or the bound is reached and returns the last reading. SCM documents no
 * propagation delay, but a real account may be eventually consistent: a listing or a show that
 * lags a delete by a moment must not be reported as non-conformance, one that never catches up is.
 */
export async function poll<T>(read: () => Promise<T>, ok: (t: T) => boolean, tries = 4, delayMs = 250): Promise<T> {
  let last = await read();
  for (let i = 1; i < tries && !ok(last); i++) {
    await new Promise((r) => setTimeout(r, delayMs * i));
    last = await read();
  }
  return last;
}
