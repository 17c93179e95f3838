/**
 * Key Vault's deleted store is eventually consistent (reference §2.3: GetDeletedCertificate
 * answered 404 seven times at 2 s intervals before a 200). Judge only once the answer is there
 * or the bound has passed; return at once when it is already there (the mock is immediate).
 */
export const POLL_TIMEOUT_MS = Number(process.env.CERTCONFORM_AZKV_POLL_MS ?? 30_000);
const INTERVAL_MS = 250;

export async function pollUntil<T>(attempt: () => Promise<T>, done: (t: T) => boolean, timeoutMs = POLL_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = INTERVAL_MS; ; wait = Math.min(wait * 2, 2_000)) {
    const r = await attempt();
    if (done(r) || Date.now() >= deadline) return r;
    await new Promise((res) => setTimeout(res, Math.min(wait, Math.max(0, deadline - Date.now()))));
  }
}
