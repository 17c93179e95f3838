import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { readyTarget } from '../../suites/support/target/ready.ts';
import { folderWith, withEnv } from './harness.ts';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const GOOD = 'fake-az-token-0123456789';

/**
 * A vault on loopback that speaks Key Vault's challenge: no token -> 401 naming the tenant and
 * resource; the good token -> an empty page; any other token -> 401 as a real vault refuses it.
 */
async function fakeVault(): Promise<{ url: string; seen: string[]; server: Server }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    seen.push(auth);
    const challenge = `Bearer authorization="https://login.microsoftonline.com/${TENANT}", resource="https://vault.azure.net"`;
    if (auth === `Bearer ${GOOD}`) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"value":[],"nextLink":null}');
    const body = auth ? '{"error":{"code":"Unauthorized","message":"AKV10032: Invalid issuer."}}' : '{"error":{"code":"Unauthorized","message":"Request is missing a Bearer or PoP token."}}';
    res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': challenge }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

/** A fake `az` first on PATH: logs its arguments, prints a token as `az account get-access-token` does. */
function fakeAz(token: string): { dir: string; args: () => string } {
  const out = JSON.stringify({ accessToken: token, expiresOn: '2099-01-01 00:00:00.000000', expires_on: 4070908800, tokenType: 'Bearer' });
  const dir = folderWith({ az: `#!/bin/sh\necho "$@" >> "$(dirname "$0")/args"\nprintf '%s' '${out}'\n` }, 0o755);
  return { dir, args: () => readFileSync(join(dir, 'args'), 'utf8') };
}

// Nothing else in DefaultAzureCredential's chain may answer first on this machine.
const CLEAN = { AZURE_KEYVAULT_TOKEN: undefined, AZURE_CLIENT_ID: undefined, AZURE_TENANT_ID: undefined, AZURE_CLIENT_SECRET: undefined, AZURE_FEDERATED_TOKEN_FILE: undefined };

test('azure-keyvault: DefaultAzureCredential through the Azure CLI, for the scope and tenant of the vault challenge; the token reaches the vault', async () => {
  test.setTimeout(60_000);
  const vault = await fakeVault();
  const az = fakeAz(GOOD);
  try {
    await withEnv({ ...CLEAN, PATH: `${az.dir}:${process.env.PATH}` }, async () => {
      const t = await readyTarget({ provider: 'azure-keyvault', name: 'vault', url: vault.url }, { caHint: '' });
      expect(t.credentialSource).toBe(`Azure CLI, scope https://vault.azure.net/.default, tenant ${TENANT} from the vault's challenge`);
      expect(az.args()).toContain(`account get-access-token --output json --resource https://vault.azure.net --tenant ${TENANT}`);
      expect(vault.seen).toContain(`Bearer ${GOOD}`);
    });
  } finally {
    vault.server.close();
  }
});

test('azure-keyvault: a token the vault refuses is one sentence naming the source; AZURE_KEYVAULT_TOKEN wins over the chain', async () => {
  test.setTimeout(60_000);
  const vault = await fakeVault();
  const az = fakeAz('a-token-from-another-tenant');
  try {
    await withEnv({ ...CLEAN, PATH: `${az.dir}:${process.env.PATH}` }, async () => {
      const refused = readyTarget({ provider: 'azure-keyvault', name: 'vault', url: vault.url }, { caHint: '' });
      await expect(refused).rejects.toThrow(
        'azure-keyvault@vault rejected the credentials: 401 Unauthorized "AKV10032: Invalid issuer."; check the account of `az login` (az account show)'
          + ` (Azure CLI, scope https://vault.azure.net/.default, tenant ${TENANT} from the vault's challenge)`,
      );
      const calls = az.args().split('\n').filter(Boolean).length;
      await withEnv({ AZURE_KEYVAULT_TOKEN: GOOD }, async () => {
        const t = await readyTarget({ provider: 'azure-keyvault', name: 'vault2', url: `${vault.url}/` }, { caHint: '' });
        expect(t.credentialSource).toBe('AZURE_KEYVAULT_TOKEN');
      });
      expect(az.args().split('\n').filter(Boolean)).toHaveLength(calls); // az not asked
    });
  } finally {
    vault.server.close();
  }
});
