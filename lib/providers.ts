/** The closed vocabulary of providers: file names, CLI arguments, report rows. */
export const PROVIDERS = ['aws-iot', 'azure-keyvault', 'alibaba-mqtt', 'huawei-scm'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** Rule-id prefixes, one per provider (`AWSIOT-DEL-003`). */
export const RULE_PREFIX: Record<Provider, string> = {
  'aws-iot': 'AWSIOT',
  'azure-keyvault': 'AZKV',
  'alibaba-mqtt': 'ALIMQTT',
  'huawei-scm': 'HWSCM',
};

export function isProvider(name: string): name is Provider {
  return (PROVIDERS as readonly string[]).includes(name);
}

/** Parses a provider name from user input; the error says which names exist. */
export function parseProvider(name: string): Provider {
  if (isProvider(name)) return name;
  throw new Error(`unknown provider '${name}': expected one of ${PROVIDERS.join(', ')}`);
}
