import { makeTlsMaterial, type TlsMaterial } from '../../tls.ts';

export type { TlsMaterial };

let cached: Promise<TlsMaterial> | undefined;

/**
 * The CA and server certificate (127.0.0.1, localhost, ::1) Key Vault is served with over
 * HTTPS, made once per process by the host's generator, which `certconform mock` uses too.
 */
export function tlsMaterial(): Promise<TlsMaterial> {
  return (cached ??= makeTlsMaterial());
}
