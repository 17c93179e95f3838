import { extname } from 'node:path';
import type { Provider } from '../../lib/providers.ts';
import type { ProviderModule } from '../host/types.ts';

/** Where each provider's stateful engine lives, and the name its module is exported under. */
const ENTRY: Record<Provider, { file: string; name: string }> = {
  'aws-iot': { file: './aws-iot/index.ts', name: 'awsIot' },
  'azure-keyvault': { file: './azure-keyvault/index.ts', name: 'azureKeyVault' },
  'alibaba-mqtt': { file: './alibaba-mqtt/index.ts', name: 'alibabaMqtt' },
  'huawei-scm': { file: './huawei-scm/index.ts', name: 'huaweiScm' },
};

/** Loads a provider's module on demand, so that starting one provider does not load all four. */
export async function loadProvider(provider: Provider): Promise<ProviderModule<unknown>> {
  const { file, name } = ENTRY[provider];
  let mod: Record<string, unknown>;
  try {
    // The compiled package holds .js modules; this file's own extension says which tree runs.
    mod = await import(new URL(file.replace(/\.ts$/, extname(import.meta.url)), import.meta.url).href);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((e as Error).message).includes(file.slice(2))) {
      throw new Error(`the stateful engine for ${provider} is not built yet (use --engine prism)`);
    }
    throw e;
  }
  const module = mod[name] as ProviderModule<unknown> | undefined;
  if (!module) throw new Error(`${file} does not export '${name}'`);
  return module;
}
