import type { Provider } from '../../../../lib/providers.ts';
import type { Challenger } from './azure.ts';
import { regionFromHost } from './region.ts';
import type { Resolved } from './resolved.ts';

export type { Challenger } from './azure.ts';
export type { Resolved } from './resolved.ts';

/** The keys that make an entry's credentials complete: with them, no chain is asked. */
const COMPLETE: Record<Provider, string[][]> = {
  'aws-iot': [['accessKeyId', 'secretAccessKey']],
  'azure-keyvault': [['bearerToken']],
  'alibaba-mqtt': [['accessKeyId', 'accessKeySecret']],
  'huawei-scm': [['ak', 'sk'], ['xAuthToken']],
};

export const hasCredentials = (p: Provider, c: Record<string, string> | undefined): boolean =>
  COMPLETE[p].some((keys) => keys.every((k) => !!c?.[k]));

export interface Describable {
  provider: Provider;
  url: string;
  credentials?: Record<string, string>;
  /** Where complete credentials given with the entry came from (`the built-in mock`). */
  credentialSource?: string;
}

/**
 * The credentials for a target entry. Complete ones given with the entry (the built-in mock's
 * own, or a CERTCONFORM_TARGETS written by hand) are used as they are; otherwise the provider's
 * own chain finds them. Every other key the entry carries (an Alibaba instance, a narrower
 * grant for a rule about permissions) is kept over what the chain found.
 */
export async function resolveCredentials(t: Describable, challenge: Challenger): Promise<Resolved> {
  const given = t.credentials ?? {};
  if (hasCredentials(t.provider, given)) {
    const source = t.credentialSource ?? 'given with the target (CERTCONFORM_TARGETS)';
    const region = t.provider === 'aws-iot' && !given.region ? regionFromHost(new URL(t.url).hostname) : undefined;
    return { credentials: { ...given, ...(region ? { region } : {}) }, source, hint: `the credentials ${source}` };
  }
  const found = await chainFor(t, challenge);
  return { ...found, credentials: { ...found.credentials, ...given } };
}

// The SDKs load only when a chain is asked: the Playwright config and every worker import this file.
async function chainFor(t: Describable, challenge: Challenger): Promise<Resolved> {
  switch (t.provider) {
    case 'aws-iot':
      return (await import('./aws.ts')).resolveAws(t.url);
    case 'azure-keyvault':
      return (await import('./azure.ts')).resolveAzure(challenge);
    case 'alibaba-mqtt':
      return (await import('./alibaba.ts')).resolveAlibaba();
    case 'huawei-scm':
      return (await import('./huawei.ts')).resolveHuawei();
  }
}
