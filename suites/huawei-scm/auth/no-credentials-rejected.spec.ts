import { rules } from '../../support/rules.ts';
import { importFresh } from '../support/bodies.ts';
import { checkErrorBody } from '../support/error-body.ts';
import { neverExistedId } from '../support/names.ts';
import { test } from '../support/test.ts';

// No X-Auth-Token and no AK/SK signature: 401 with an SCM error body, and the certificate the
// request named is still there afterwards (checked with a signed ShowCertificate).
test('a delete without any credentials is refused with 401 and deletes nothing', rules(['HWSCM-AUTH-001', 'HWSCM-FMT-001', 'HWSCM-FMT-003']), async ({ scm, check, info }) => {
  const id = await importFresh(scm, check, info.runId, 'auth-none');
  const ex = await scm.delete(id, { auth: 'none', label: 'DeleteCertificate without credentials' });
  check.outcome('HWSCM-AUTH-001', ex);
  check.outcome('HWSCM-FMT-001', ex);
  checkErrorBody(check, ex);
  const still = await scm.show(id, { label: 'ShowCertificate (signed) afterwards' });
  check.that('HWSCM-AUTH-001', still.status === 200, `${still.status} from a signed ShowCertificate(${id})`, 'the certificate still there (200)');
});

// The same refusal for an id nobody holds: authentication comes before the id lookup, so the
// answer is 401, not the 400/404 of an unknown id. (Read-only: usable with --safe.)
test('a delete of an unknown id without credentials is refused with 401', rules(['HWSCM-AUTH-001'], '@readonly'), async ({ api, check }) => {
  const ex = await api.call('DeleteCertificate', { path: { certificate_id: neverExistedId(3) } }, { auth: 'none' });
  check.outcome('HWSCM-AUTH-001', ex);
});
