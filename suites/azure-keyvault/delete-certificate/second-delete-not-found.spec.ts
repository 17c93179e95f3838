import { rules } from '../../support/rules.ts';
import { deleteCert, getCert } from '../support/ops.ts';
import { precondition } from '../support/precondition.ts';
import { test } from '../support/test.ts';

test(
  'after a delete the name is not found: GetCertificate and a second delete answer 404',
  rules(['AZKV-GET-001', 'AZKV-DEL-011']),
  async ({ api, check, vault }) => {
    const name = vault.newName('twice');
    precondition((await vault.import(name)).ex, 200, 'ImportCertificate');
    precondition(await deleteCert(api, name), 200, 'DeleteCertificate');
    vault.pending.add(name);
    check.outcome('AZKV-GET-001', await getCert(api, name, { label: 'GetCertificate after delete' }));
    check.outcome('AZKV-DEL-011', await deleteCert(api, name, { label: 'second DeleteCertificate' }));
  },
);
