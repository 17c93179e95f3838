import { rules } from '../../support/rules.ts';
import { freshBody } from '../support/bodies.ts';
import { listAll } from '../support/list-all.ts';
import { test } from '../support/test.ts';

// An unauthenticated ImportCertificate is 401 and creates nothing: no certificate with the
// request's (run-unique) name in a signed listing afterwards. The Scm helper would still
// record and clean up a certificate a broken target created.
test('an import without any credentials is refused with 401 and creates nothing', rules(['HWSCM-AUTH-004']), async ({ scm, api, check, info }) => {
  const body = await freshBody(info.runId, 'auth-imp');
  const { ex } = await scm.import(body, { auth: 'none', label: 'ImportCertificate without credentials' });
  check.outcome('HWSCM-AUTH-004', ex);
  const listing = await listAll(api, { limit: 50 });
  const named = [...listing.byId.values()].filter((c) => c.name === body.name);
  check.that('HWSCM-AUTH-004', named.length === 0, () => `listed: ${named.map((c) => c.id).join(', ')}`, `no certificate named ${body.name}`);
});
