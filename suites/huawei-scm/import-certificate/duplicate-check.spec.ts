import { rules } from '../../support/rules.ts';
import { freshBody } from '../support/bodies.ts';
import { documentedPairs, pairReading } from '../support/duplicate-check.ts';
import { test } from '../support/test.ts';

// duplicate_check: the SDK docstring and the ImportCertificate page give opposite readings
// (see support/duplicate-check.ts). Identical content is sent with true and with false after a
// first upload: each answer may follow either reading, but together they must follow one.
// The report's chosen outcome of IMP-006 (400 or 200) says which reading the target follows.
const RULES = ['HWSCM-IMP-006', 'HWSCM-IMP-009'];
const TITLE = 'duplicate_check true and false get opposite answers for identical content (either documented reading)';

test(TITLE, rules(RULES), async ({ scm, check, info }) => {
  const body = await freshBody(info.runId, 'imp-dup');
  const first = await scm.import(body, { label: 'ImportCertificate (first)' });
  check.outcome('HWSCM-IMP-001', first.ex);
  const label = (v: boolean) => ({ label: `ImportCertificate (identical, duplicate_check=${v})` });
  const withTrue = await scm.import({ ...body, name: `${body.name}t`, duplicate_check: true }, label(true));
  check.outcome('HWSCM-IMP-006', withTrue.ex);
  const withFalse = await scm.import({ ...body, name: `${body.name}f`, duplicate_check: false }, label(false));
  check.outcome('HWSCM-IMP-009', withFalse.ex);
  const reading = pairReading(withTrue.ex.status, withFalse.ex.status);
  const received = `true -> ${withTrue.ex.status}, false -> ${withFalse.ex.status}: neither reading`;
  for (const rule of RULES) check.that(rule, reading !== undefined, received, documentedPairs());
});
