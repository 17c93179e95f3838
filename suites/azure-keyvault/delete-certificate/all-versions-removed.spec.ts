import { rules } from '../../support/rules.ts';
import { deleteCert, getVersion } from '../support/ops.ts';
import { precondition } from '../support/precondition.ts';
import { test } from '../support/test.ts';
import { importTwoVersions } from '../support/versions.ts';

test('delete removes every version of the certificate', rules(['AZKV-DEL-009']), async ({ api, check, vault }) => {
  const name = vault.newName('versions');
  // Importing under an existing name adds a version; the first one stays addressable.
  const versions = await importTwoVersions(vault, name);
  precondition(await getVersion(api, name, versions[0]!), 200, 'GetCertificateVersion of the first version before the delete');
  precondition(await deleteCert(api, name), 200, 'DeleteCertificate');
  vault.pending.add(name);
  for (const v of versions) check.outcome('AZKV-DEL-009', await getVersion(api, name, v, { label: `GetCertificateVersion ${v.slice(0, 8)}.. after delete` }));
});
