import type { ScmState } from './state.ts';

/**
 * A new certificate id: `scs` + 13 digits, 16 characters as DeleteCertificate requires. The
 * documented examples (`scs1554192131150`) are `scs` + a millisecond timestamp; a strictly
 * increasing timestamp keeps ids unique and never reused.
 */
export function nextCertificateId(state: ScmState, now: number): string {
  state.lastIdMs = Math.max(Math.floor(now), state.lastIdMs + 1);
  return `scs${String(state.lastIdMs).padStart(13, '0').slice(-13)}`;
}
