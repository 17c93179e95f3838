import type { AlibabaCredentials } from '../../support/signing/alibaba.ts';
import { registerSecret } from '../../support/signing/redact.ts';
import type { Target } from '../../support/target/targets.ts';

/**
 * A second caller: a RAM user (or role) whose policy allows the read actions but not
 * mq:DeleteCaCertificate. The harness knows one credential per target, so this one comes from
 * the target's credentials (the built-in mock prints narrowAccessKeyId / narrowAccessKeySecret)
 * or from these variables.
 */
export const NARROW_ENV = {
  accessKeyId: 'ALIBABA_CLOUD_NARROW_ACCESS_KEY_ID',
  accessKeySecret: 'ALIBABA_CLOUD_NARROW_ACCESS_KEY_SECRET',
  securityToken: 'ALIBABA_CLOUD_NARROW_SECURITY_TOKEN',
} as const;

/** The narrow caller's AccessKey, its secret registered for redaction; undefined if none is offered. */
export function narrowCredentialsOf(target: Target, env: NodeJS.ProcessEnv = process.env): AlibabaCredentials | undefined {
  const c = target.credentials;
  const fromTarget = c.narrowAccessKeyId && c.narrowAccessKeySecret;
  const accessKeyId = fromTarget ? c.narrowAccessKeyId : env[NARROW_ENV.accessKeyId];
  const accessKeySecret = fromTarget ? c.narrowAccessKeySecret : env[NARROW_ENV.accessKeySecret];
  if (!accessKeyId || !accessKeySecret) return undefined;
  const securityToken = (fromTarget ? c.narrowSecurityToken : env[NARROW_ENV.securityToken]) || undefined;
  registerSecret(accessKeySecret);
  registerSecret(securityToken);
  return { accessKeyId, accessKeySecret, securityToken };
}

/** Why the RAM rules cannot run on a target without that caller. */
export const NO_NARROW =
  'the target offers no AccessKey without mq:DeleteCaCertificate ' +
  `(set ${NARROW_ENV.accessKeyId} and ${NARROW_ENV.accessKeySecret}, a RAM user allowed the read actions but not the delete)`;
