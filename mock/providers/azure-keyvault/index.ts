import type { ProviderModule } from '../../host/types.ts';
import { challenge } from './auth.ts';
import { commonHeaders, errorReply, invalid, unknownRoute } from './dialect.ts';
import { serviceUnavailable, throttled } from './errors.ts';
import { azureKeyVaultFixtures } from './fixtures.ts';
import { handlers } from './handlers.ts';
import { createVault, DEFAULT_OPTIONS, snapshot, type Vault, type VaultOptions } from './vault.ts';

/** The Key Vault certificates module; options shape the vault (recovery level, retention, delay). */
export function createAzureKeyVault(options: Partial<VaultOptions> = {}): ProviderModule<Vault> {
  const tenantId = options.tenantId ?? DEFAULT_OPTIONS.tenantId;
  return {
    provider: 'azure-keyvault',
    tls: true,
    credentials: { bearerToken: 'any non-empty token', tenantId },
    createState: (ctx) => createVault(ctx.clock, options),
    authenticate: (req) => challenge(req, tenantId),
    invalid,
    unknownRoute,
    errorReply,
    commonHeaders,
    handlers,
    snapshot,
    fixtures: azureKeyVaultFixtures,
    faults: { throttle: throttled, unavailable: serviceUnavailable },
  };
}

export const azureKeyVault = createAzureKeyVault();

export { reset, snapshot, type Vault, type VaultOptions } from './vault.ts';
export { tlsMaterial, type TlsMaterial } from './tls.ts';
