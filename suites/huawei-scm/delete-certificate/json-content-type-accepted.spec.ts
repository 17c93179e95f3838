import { rules } from '../../support/rules.ts';
import { importFresh } from '../support/bodies.ts';
import { test } from '../support/test.ts';

// The official SDKs send Content-Type: application/json on a DELETE without a body; the
// header must not make the request malformed.
test('a DELETE with Content-Type application/json and no body deletes like one without it', rules(['HWSCM-DEL-007']), async ({ scm, check, info }) => {
  const id = await importFresh(scm, check, info.runId, 'del-ctype');
  const ex = await scm.delete(id, { headers: { 'Content-Type': 'application/json' } });
  check.outcome('HWSCM-DEL-007', ex);
  check.that('HWSCM-DEL-007', ex.step.request.headers['Content-Type'] === 'application/json' || ex.step.request.headers['content-type'] === 'application/json', 'the header was not sent', 'Content-Type: application/json on the request');
});
