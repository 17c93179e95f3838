import { rules } from '../../support/rules.ts';
import { versionOf } from '../support/bundle.ts';
import { deleteCert, getVersion } from '../support/ops.ts';
import { precondition } from '../support/precondition.ts';
import { test } from '../support/test.ts';

test('delete removes every version of the certificate', rules(['AZKV-DEL-009']), async ({ api, check, vault }) => {
  const name = vault.newName('versions');
  // Importing under an existing name adds a version; the first one stays addressable.
  const versions: string[] = [];
  for (let i = 0; i < 2; i++) {
    const { ex } = await vault.import(name);
    precondition(ex, 200, `ImportCertificate #${i + 1}`);
    const v = versionOf((ex.body as { id?: unknown }).id, name);
    if (!v) throw new Error(`precondition: import #${i + 1} returned no versioned id`);
    versions.push(v);
  }
  if (versions[0] === versions[1]) throw new Error('precondition: the second import did not create a new version');
  precondition(await getVersion(api, name, versions[0]!), 200, 'GetCertificateVersion of the first version before the delete');
  precondition(await deleteCert(api, name), 200, 'DeleteCertificate');
  vault.pending.add(name);
  for (const v of versions) check.outcome('AZKV-DEL-009', await getVersion(api, name, v, { label: `GetCertificateVersion ${v.slice(0, 8)}.. after delete` }));
});
