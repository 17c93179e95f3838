/**
 * --rps: a process-wide minimum interval between requests. Each Playwright worker is a process,
 * so the run's cap is split evenly across workers (CERTCONFORM_WORKERS, set by `certconform run`).
 */
let next = 0;

export function intervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const rps = Number(env.CERTCONFORM_RPS ?? 0);
  if (!(rps > 0)) return 0;
  const workers = Math.max(1, Number(env.CERTCONFORM_WORKERS ?? 1) || 1);
  return (1000 * workers) / rps;
}

export async function pace(interval = intervalMs()): Promise<void> {
  if (interval <= 0) return;
  const now = Date.now();
  const at = Math.max(now, next);
  next = at + interval;
  if (at > now) await new Promise((r) => setTimeout(r, at - now));
}
