import { rules } from '../../support/rules.ts';
import { importFresh } from '../support/bodies.ts';
import { test } from '../support/test.ts';

// The official SDKs authenticate with an AK/SK signature alone (no X-Auth-Token): a signed
// DeleteCertificate of a held certificate is 204. Needs AK/SK credentials for the target.
test('a request signed with AK/SK and no X-Auth-Token is authenticated', rules(['HWSCM-AUTH-003']), async ({ scm, check, info, target }) => {
  if (!(target.credentials.ak && target.credentials.sk)) {
    check.notRun('HWSCM-AUTH-003', 'the target was given an X-Auth-Token only (no HUAWEICLOUD_SDK_AK/SK), so no AK/SK-signed request can be made');
    return;
  }
  const id = await importFresh(scm, check, info.runId, 'auth-aksk');
  const ex = await scm.delete(id);
  const sent = Object.keys(ex.step.request.headers).map((h) => h.toLowerCase());
  check.that('HWSCM-AUTH-003', sent.includes('authorization') && sent.includes('x-sdk-date') && !sent.includes('x-auth-token'), `request headers ${sent.join(', ')}`, 'Authorization + X-Sdk-Date, no X-Auth-Token');
  check.outcome('HWSCM-AUTH-003', ex);
});
