import type { Checker } from '../../support/checks/checker.ts';
import { ApiClient } from '../../support/http/client.ts';
import { WIRES } from '../../support/http/wires/index.ts';
import type { Target } from '../../support/target/targets.ts';

/**
 * A real target's narrower IAM user (an identity policy without scm:cert:delete, with read
 * access to SCM): either an AK/SK pair or a token. README "Running against other implementations".
 */
export const NARROW_ENV = {
  ak: 'HUAWEICLOUD_NARROW_SDK_AK',
  sk: 'HUAWEICLOUD_NARROW_SDK_SK',
  token: 'HUAWEICLOUD_NARROW_AUTH_TOKEN',
} as const;

export type NarrowVia = 'aksk' | 'token';

/**
 * Credentials of an IAM user whose grant lacks scm:cert:delete: those the target advertises
 * (the built-in mock's `narrowAk`/`narrowSk`/`narrowXAuthToken`), else the environment's;
 * undefined when there are none for this kind of authentication.
 */
export function narrowCredentials(target: Target, via: NarrowVia, env: NodeJS.ProcessEnv = process.env): Record<string, string> | undefined {
  const c = target.credentials;
  const domain: Record<string, string> = c.domainId ? { domainId: c.domainId } : {};
  if (via === 'token') {
    const token = c.narrowXAuthToken ?? env[NARROW_ENV.token];
    return token ? { xAuthToken: token } : undefined;
  }
  if (c.narrowAk && c.narrowSk) return { ak: c.narrowAk, sk: c.narrowSk, ...domain };
  const ak = env[NARROW_ENV.ak];
  const sk = env[NARROW_ENV.sk];
  return ak && sk ? { ak, sk, ...domain } : undefined;
}

/** Why a narrow-grant rule cannot run on this target, in one sentence naming both ways to fix it. */
export const noNarrowCredentials = (via: NarrowVia) =>
  `the target offers no ${via === 'token' ? 'token' : 'AK/SK'} of an IAM user without scm:cert:delete `
  + `(set ${NARROW_ENV.ak} and ${NARROW_ENV.sk}, or ${NARROW_ENV.token})`;

/** A client like `api` that authenticates as the narrower user (its secrets are redacted too). */
export function narrowClient(api: ApiClient, check: Checker, credentials: Record<string, string>): ApiClient {
  return new ApiClient({ ...api.target, credentials }, api.spec, WIRES['huawei-scm'], check);
}
