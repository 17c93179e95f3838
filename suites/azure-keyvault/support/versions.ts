import { versionOf } from './bundle.ts';
import { precondition } from './precondition.ts';
import type { Vault } from './vault.ts';

/** Imports under one name twice (the second import adds a version); the two version ids, oldest first. */
export async function importTwoVersions(vault: Vault, name: string): Promise<[string, string]> {
  const versions: string[] = [];
  for (let i = 0; i < 2; i++) {
    const { ex } = await vault.import(name);
    precondition(ex, 200, `ImportCertificate #${i + 1}`);
    const v = versionOf((ex.body as { id?: unknown }).id, name);
    if (!v) throw new Error(`precondition: import #${i + 1} returned no versioned id`);
    versions.push(v);
  }
  if (versions[0] === versions[1]) throw new Error('precondition: the second import did not create a new version');
  return versions as [string, string];
}
