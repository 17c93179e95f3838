import { withBearer } from '../../support/signing/azure.ts';
import { registerSecret } from '../../../lib/redact.ts';
import { rules } from '../../support/rules.ts';
import { deleteCert, getCert } from '../support/ops.ts';
import { precondition } from '../support/precondition.ts';
import { test } from '../support/test.ts';

// A token of a caller WITHOUT certificates/delete (e.g. a principal with only get/list/import).
// The harness knows one credential per target, so this one comes from the target's
// credentials (`noDeleteBearerToken`, which the built-in mock advertises) or from
// AZURE_KEYVAULT_NO_DELETE_TOKEN.
const TOKEN_ENV = 'AZURE_KEYVAULT_NO_DELETE_TOKEN';

test(
  'a caller without certificates/delete is refused and nothing is deleted',
  rules(['AZKV-AUTH-003', 'AZKV-AUTH-004']),
  async ({ api, check, vault, target }) => {
    const token = target.credentials.noDeleteBearerToken ?? process.env[TOKEN_ENV];
    if (!token) {
      const why = `the target offers no credential lacking the certificates/delete permission (set ${TOKEN_ENV} or credentials.noDeleteBearerToken)`;
      check.notRun('AZKV-AUTH-003', why);
      return check.notRun('AZKV-AUTH-004', why);
    }
    registerSecret(token);
    const name = vault.newName('noperm');
    precondition((await vault.import(name)).ex, 200, 'ImportCertificate');
    const ex = await deleteCert(api, name, { label: 'DeleteCertificate without the delete permission', auth: (r) => withBearer(r, token) });
    if (ex.status === 200) vault.pending.add(name);
    const after = await getCert(api, name, { label: 'GetCertificate after the refused delete' });
    check.that('AZKV-AUTH-003', after.status === 200, `GetCertificate ${after.status} after the refused delete`, '200: nothing was deleted');
    check.outcome('AZKV-AUTH-003', ex);
    check.outcome('AZKV-AUTH-004', ex);
  },
);
