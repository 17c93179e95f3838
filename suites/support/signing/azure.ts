import type { SignableRequest } from './request.ts';

/** Structurally an @azure/core-auth TokenCredential, so @azure/identity credentials fit. */
export interface TokenCredentialLike {
  getToken(
    scopes: string | string[],
    options?: { tenantId?: string; enableCae?: boolean },
  ): Promise<{ token: string; expiresOnTimestamp: number } | null>;
}

/** A credential that always answers with one token (a mock's, or one from `az account get-access-token`). */
export const staticToken = (token: string): TokenCredentialLike => ({
  getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }),
});

/** The token in an environment variable; a clear error when it is missing. */
export function tokenFromEnv(name = 'AZURE_KEYVAULT_TOKEN'): TokenCredentialLike {
  const token = process.env[name];
  if (!token) throw new Error(`${name} is not set: put an Azure Key Vault access token in it`);
  return staticToken(token);
}

export const withBearer = (req: SignableRequest, token: string): SignableRequest => ({
  ...req,
  headers: { ...req.headers, Authorization: `Bearer ${token}` },
});

export interface KeyVaultChallenge {
  /** What to ask the token endpoint for: `<resource>/.default`, else the challenge's scope. */
  scope: string;
  /** First path segment of the `authorization` (or `authorization_uri`) URL. */
  tenantId?: string;
  params: Record<string, string>;
}

/**
 * Reads a Key Vault 401 challenge (`WWW-Authenticate: Bearer authorization="https://login.../<tenant>",
 * resource="https://vault.azure.net"`) the way @azure/keyvault-common's authentication policy
 * does: `resource` wins over `scope`; undefined when the header names neither.
 */
export function parseChallenge(wwwAuthenticate: string | undefined): KeyVaultChallenge | undefined {
  if (!wwwAuthenticate) return undefined;
  const params: Record<string, string> = {};
  const rest = wwwAuthenticate.replace(/^\s*\w+\s+/, '');
  for (const m of rest.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|([^\s,]+))/g)) params[m[1]!] = m[2] ?? m[3] ?? '';
  const scope = params.resource ? `${params.resource}/.default` : params.scope;
  if (!scope) return undefined;
  const authUrl = params.authorization ?? params.authorization_uri;
  let tenantId: string | undefined;
  try {
    tenantId = authUrl ? new URL(authUrl).pathname.split('/')[1] || undefined : undefined;
  } catch {
    tenantId = undefined;
  }
  return { scope, tenantId, params };
}

/**
 * The second leg of the challenge flow: after a 401 with WWW-Authenticate, get a token for the
 * challenged scope and return the request with its Bearer header (body untouched: the SDK sends
 * the first request without a body and restores it here).
 */
export async function answerChallenge(
  req: SignableRequest,
  wwwAuthenticate: string | undefined,
  credential: TokenCredentialLike,
): Promise<SignableRequest> {
  const challenge = parseChallenge(wwwAuthenticate);
  if (!challenge) throw new Error(`401 without a usable WWW-Authenticate challenge: ${wwwAuthenticate ?? '(none)'}`);
  const token = await credential.getToken([challenge.scope], { tenantId: challenge.tenantId, enableCae: true });
  if (!token) throw new Error(`no token for scope ${challenge.scope}`);
  return withBearer(req, token.token);
}
