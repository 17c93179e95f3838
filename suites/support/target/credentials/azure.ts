import { DefaultAzureCredential } from '@azure/identity';
import { parseChallenge, type TokenCredentialLike } from '../../signing/azure.ts';
import { CredentialsNotFound, type Resolved } from './resolved.ts';

/** Where DefaultAzureCredential's answering link gets its identity, and what to check when refused. */
const LINKS: Record<string, { source: string; hint: string }> = {
  EnvironmentCredential: { source: 'service principal from the environment', hint: 'AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH)' },
  WorkloadIdentityCredential: { source: 'workload identity', hint: 'AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_FEDERATED_TOKEN_FILE' },
  ManagedIdentityCredential: { source: 'managed identity', hint: 'the managed identity (AZURE_CLIENT_ID picks a user-assigned one)' },
  AzureCliCredential: { source: 'Azure CLI', hint: 'the account of `az login` (az account show)' },
  AzureDeveloperCliCredential: { source: 'Azure Developer CLI', hint: 'the account of `azd auth login`' },
  AzurePowerShellCredential: { source: 'Azure PowerShell', hint: 'the account of Connect-AzAccount' },
};

/** The vault's own answer to a request without a token: its WWW-Authenticate challenge, if any. */
export type Challenger = () => Promise<string | undefined>;

/** The Key Vault scope when a vault sends no challenge (what @azure/keyvault-certificates asks by default). */
const DEFAULT_SCOPE = 'https://vault.azure.net/.default';

/**
 * A bearer token for the vault. AZURE_KEYVAULT_TOKEN wins when set; else @azure/identity's
 * DefaultAzureCredential (service principal environment, workload identity, managed identity,
 * Azure CLI, Azure Developer CLI, Azure PowerShell; AZURE_TOKEN_CREDENTIALS narrows it) for
 * the scope and tenant the vault's 401 challenge names, as the Key Vault SDK does.
 */
export async function resolveAzure(challenge: Challenger, credential?: TokenCredentialLike): Promise<Resolved> {
  const fixed = process.env.AZURE_KEYVAULT_TOKEN;
  if (fixed) {
    return { credentials: { bearerToken: fixed }, source: 'AZURE_KEYVAULT_TOKEN', hint: 'AZURE_KEYVAULT_TOKEN (az account get-access-token --resource https://vault.azure.net)' };
  }
  const parsed = parseChallenge(await challenge());
  const scope = parsed?.scope ?? DEFAULT_SCOPE;
  const chain = credential ?? new DefaultAzureCredential();
  let token: { token: string } | null;
  let link = 'DefaultAzureCredential';
  try {
    // getTokenInternal (ChainedTokenCredential) also says which link answered; getToken is the public fallback.
    const internal = (chain as { getTokenInternal?: ChainLookup }).getTokenInternal;
    const opts = { tenantId: parsed?.tenantId, enableCae: true };
    if (internal) {
      const got = await internal.call(chain, [scope], opts);
      token = got.token;
      link = got.successfulCredential?.constructor.name ?? link;
    } else token = await chain.getToken([scope], opts);
  } catch (e) {
    const first = (e as Error).message.split('\n').find((l) => /unavailable|failed|error/i.test(l) && !/ChainedTokenCredential/.test(l));
    throw new CredentialsNotFound(
      'azure-keyvault',
      `no token for ${scope} from DefaultAzureCredential: sign in with az login, set AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET, or set AZURE_KEYVAULT_TOKEN`,
      first,
    );
  }
  if (!token) throw new CredentialsNotFound('azure-keyvault', `DefaultAzureCredential gave no token for ${scope}; set AZURE_KEYVAULT_TOKEN`);
  const named = LINKS[link] ?? { source: link, hint: `the identity of ${link}` };
  const tenant = parsed?.tenantId ? `, tenant ${parsed.tenantId}` : '';
  const from = parsed ? "from the vault's challenge" : '(the vault sent no challenge)';
  return { credentials: { bearerToken: token.token }, source: `${named.source}, scope ${scope}${tenant} ${from}`, hint: named.hint };
}

type ChainLookup = (
  scopes: string[],
  options: { tenantId?: string; enableCae?: boolean },
) => Promise<{ token: { token: string } | null; successfulCredential?: object }>;
