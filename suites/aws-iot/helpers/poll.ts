/**
 * Bounded polling for what the documentation says takes time to propagate (a detachment
 * before DeleteCertificate, ATT-001). `again(v)` says the answer may still change; the last
 * answer is returned when the bound is reached. A target that answers at once costs one call.
 */
export async function poll<T>(attempt: () => Promise<T>, again: (v: T) => boolean, boundMs = 10_000): Promise<T> {
  const until = Date.now() + boundMs;
  let wait = 100;
  for (;;) {
    const v = await attempt();
    if (!again(v) || Date.now() + wait > until) return v;
    await new Promise((r) => setTimeout(r, wait));
    wait = Math.min(wait * 2, 2_000);
  }
}
