import type { Exchange } from '../../support/http/exchange.ts';
import { rules } from '../../support/rules.ts';
import { freshBody } from '../support/bodies.ts';
import { checkErrorBody } from '../support/error-body.ts';
import { neverExistedId } from '../support/names.ts';
import { test } from '../support/test.ts';

// X-Request-Id on answers of every kind the suite meets: 200, 204, 400/404 and 401. Error
// bodies of the 400/404 kind are held to the same error_code/error_msg shape as 401.
test('answers carry X-Request-Id, and every error answer the SCM error body', rules(['HWSCM-FMT-002', 'HWSCM-FMT-001', 'HWSCM-FMT-003']), async ({ scm, api, check, info }) => {
  const seen: Exchange[] = [];
  const imported = await scm.import(await freshBody(info.runId, 'fmt'));
  check.outcome('HWSCM-IMP-001', imported.ex);
  seen.push(imported.ex, await scm.show(imported.id!), await scm.delete(imported.id!));
  seen.push(await api.call('DeleteCertificate', { path: { certificate_id: neverExistedId(4) } }));
  seen.push(await api.call('DeleteCertificate', { path: { certificate_id: neverExistedId(4) } }, { auth: 'none' }));
  for (const ex of seen) {
    const rid = ex.headers['x-request-id'];
    check.that('HWSCM-FMT-002', typeof rid === 'string' && rid.length > 0, `${ex.status} from ${ex.label} without X-Request-Id`, 'X-Request-Id header');
    if (ex.status >= 400) checkErrorBody(check, ex);
  }
  check.that('HWSCM-FMT-002', seen.some((e) => e.status === 204) && seen.some((e) => e.status === 401), `answers ${seen.map((e) => e.status).join(', ')}`, 'a 204 and a 401 among them');
});
