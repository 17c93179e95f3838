import { rules } from '../../support/rules.ts';
import { importFresh } from '../support/bodies.ts';
import { test } from '../support/test.ts';

// X-Auth-Token is documented as 32..2097152 characters: shorter tokens (31, 1, empty-ish) are
// refused, unsigned, and the certificate survives.
const TOKENS = ['t'.repeat(31), 'x', 'MIIx'.repeat(7)];

test('an X-Auth-Token shorter than 32 characters is refused and deletes nothing', rules(['HWSCM-AUTH-002']), async ({ scm, check, info }) => {
  const id = await importFresh(scm, check, info.runId, 'auth-short');
  for (const token of TOKENS) {
    const ex = await scm.delete(id, { auth: 'none', headers: { 'X-Auth-Token': token }, label: `DeleteCertificate with a ${token.length}-character token` });
    check.outcome('HWSCM-AUTH-002', ex);
  }
  const still = await scm.show(id, { label: 'ShowCertificate (signed) afterwards' });
  check.that('HWSCM-AUTH-002', still.status === 200, `${still.status} from a signed ShowCertificate(${id})`, 'the certificate still there (200)');
});
