/** The AccessKey pair the mock accepts (printed by `certconform mock`); it opens nothing real. */
export const MOCK_CREDENTIALS = {
  accessKeyId: 'CERTCONFORMMOCKAKID',
  accessKeySecret: 'certconform-mock-secret',
} as const;

/**
 * A second pair, a RAM user with a narrower grant: every certificate action and
 * mq:MqttInstanceAccess, but not mq:DeleteCaCertificate (seed § Authorization information).
 * Printed as narrowAccessKeyId / narrowAccessKeySecret.
 */
export const NARROW_CREDENTIALS = {
  accessKeyId: 'CERTCONFORMNARROWAKID',
  accessKeySecret: 'certconform-mock-narrow-secret',
} as const;

/** A RAM policy's Action list as RAM reads it: `mq:*` or a name with `*` wildcards. */
interface Key {
  secret: string;
  allow: string[];
}

const keys = new Map<string, Key>([
  [MOCK_CREDENTIALS.accessKeyId, { secret: MOCK_CREDENTIALS.accessKeySecret, allow: ['mq:*'] }],
  [
    NARROW_CREDENTIALS.accessKeyId,
    {
      secret: NARROW_CREDENTIALS.accessKeySecret,
      allow: ['mq:Get*', 'mq:List*', 'mq:Register*', 'mq:Active*', 'mq:Inactivate*', 'mq:DeleteDeviceCertificate', 'mq:MqttInstanceAccess'],
    },
  ],
]);

export const secretOf = (accessKeyId: string): string | undefined => keys.get(accessKeyId)?.secret;

const matches = (pattern: string, action: string) =>
  new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(action);

/**
 * Whether a key's grant covers an action: the action itself and the associated
 * mq:MqttInstanceAccess the seed's table requires beside it. Resources are not modelled:
 * every grant here covers all instances.
 */
export function allows(accessKeyId: string, action: string): boolean {
  const allow = keys.get(accessKeyId)?.allow ?? [];
  return [`mq:${action}`, 'mq:MqttInstanceAccess'].every((a) => allow.some((p) => matches(p, a)));
}
