import { rules } from '../../support/rules.ts';
import { freshBody } from '../support/bodies.ts';
import { test } from '../support/test.ts';

// duplicate_check as the SDK model describes it ("true = do NOT allow uploading an identical
// cert, false = allow"). The ImportCertificate page words it the other way round
// ("Whether the same certificate can be uploaded. true: can be uploaded"); the catalog keeps
// the SDK reading, see HWSCM-IMP-006/009.
test('with duplicate_check true an identical certificate is refused', rules(['HWSCM-IMP-006']), async ({ scm, check, info }) => {
  const body = await freshBody(info.runId, 'imp-dup');
  const first = await scm.import({ ...body, duplicate_check: true }, { label: 'ImportCertificate (first)' });
  check.outcome('HWSCM-IMP-001', first.ex);
  const again = await scm.import({ ...body, name: `${body.name}b`, duplicate_check: true }, { label: 'ImportCertificate (identical)' });
  check.outcome('HWSCM-IMP-006', again.ex);
});

test('with duplicate_check false an identical certificate is accepted', rules(['HWSCM-IMP-009']), async ({ scm, check, info }) => {
  const body = await freshBody(info.runId, 'imp-dup');
  const first = await scm.import({ ...body, duplicate_check: false }, { label: 'ImportCertificate (first)' });
  check.outcome('HWSCM-IMP-001', first.ex);
  const again = await scm.import({ ...body, name: `${body.name}b`, duplicate_check: false }, { label: 'ImportCertificate (identical)' });
  check.outcome('HWSCM-IMP-009', again.ex);
});
