import { rules } from '../../support/rules.ts';
import { deleteCert, getPolicy } from '../support/ops.ts';
import { precondition } from '../support/precondition.ts';
import { test } from '../support/test.ts';

// The seed: DeleteCertificate "Deletes all versions of a certificate object along with its
// associated policy". The policy is read before the delete, so a target that serves no policy
// at all errors here instead of passing for the wrong reason.
test('delete removes the certificate policy with it', rules(['AZKV-POL-001']), async ({ api, check, vault }) => {
  const name = vault.newName('policy');
  precondition((await vault.import(name)).ex, 200, 'ImportCertificate');
  precondition(await getPolicy(api, name, { label: 'GetCertificatePolicy before the delete' }), 200, 'GetCertificatePolicy before the delete');
  precondition(await deleteCert(api, name), 200, 'DeleteCertificate');
  vault.pending.add(name);
  check.outcome('AZKV-POL-001', await getPolicy(api, name, { label: 'GetCertificatePolicy after the delete' }));
});
