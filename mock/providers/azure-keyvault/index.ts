import type { ProviderModule } from '../../host/types.ts';
import { challenge, NO_DELETE_TOKEN, permitted } from './auth.ts';
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
    // noDeleteBearerToken: a caller without certificates/delete (auth.ts), for AZKV-AUTH-003.
    credentials: { bearerToken: 'any non-empty token', tenantId, noDeleteBearerToken: NO_DELETE_TOKEN },
    createState: (ctx) => createVault(ctx.clock, options),
    authenticate: (req, op) => challenge(req, tenantId) ?? permitted(req, op),
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
