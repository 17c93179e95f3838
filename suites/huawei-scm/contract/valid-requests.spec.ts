import { loadSpec, operation } from '../../../lib/spec/load.ts';
import { rules } from '../../support/rules.ts';
import { freshBody } from '../support/bodies.ts';
import { test } from '../support/test.ts';

// Valid requests of every operation get their documented success status, with a body that
// validates against the spec (the client checks HWSCM-SPEC-001 on every exchange; here the
// success status itself is the point). ListCertificates is sent with every documented value
// of each enum and the other filters, read from the spec so that nothing is typed twice.
const spec = loadSpec('huawei-scm');
const SUCCESS = [{ status: 200 }];

function validListQueries(): Record<string, string | number | boolean>[] {
  const queries: Record<string, string | number | boolean>[] = [];
  for (const p of operation(spec, 'ListCertificates').parameters) {
    if (p.in !== 'query') continue;
    const values = (p.schema.enum as (string | number)[] | undefined) ?? (p.schema.type === 'boolean' ? [true, false] : p.schema.type === 'integer' ? [0, 30] : ['cc']);
    for (const v of values) queries.push({ [p.name]: v });
  }
  return queries;
}

test('valid requests of every operation get their documented success status', rules(['HWSCM-SPEC-001']), async ({ scm, api, check, info }) => {
  const body = await freshBody(info.runId, 'spec');
  const { ex, id } = await scm.import({ ...body, duplicate_check: false, enterprise_project_id: '0' });
  check.outcome('HWSCM-SPEC-001', ex, SUCCESS);
  check.outcome('HWSCM-SPEC-001', await scm.show(id!), SUCCESS);
  for (const query of validListQueries()) {
    const q = query.enterprise_project_id !== undefined ? { enterprise_project_id: 'all' } : query;
    check.outcome('HWSCM-SPEC-001', await api.call('ListCertificates', { query: q }, { label: `ListCertificates ${JSON.stringify(q)}` }), SUCCESS);
  }
  check.outcome('HWSCM-SPEC-001', await scm.delete(id!), [{ status: 204 }]);
});
