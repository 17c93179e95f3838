import { KEY_ALGS } from '../../support/certs/crypto.ts';
import { rules } from '../../support/rules.ts';
import { freshBody } from '../support/bodies.ts';
import { domainCert } from '../support/certs.ts';
import { test } from '../support/test.ts';

// Every key type the suite can make: 200 with a 16-character id that ShowCertificate knows
// (same id, status UPLOAD) and DeleteCertificate accepts.
test('certificates of every key type import as UPLOAD under a 16-character id', rules(['HWSCM-IMP-001', 'HWSCM-IMP-002', 'HWSCM-IMP-003']), async ({ scm, check, info }) => {
  for (const keyAlg of KEY_ALGS) {
    const { ex, id } = await scm.import(await freshBody(info.runId, `imp-${keyAlg}`, await domainCert(keyAlg)), { label: `ImportCertificate ${keyAlg}` });
    check.outcome('HWSCM-IMP-001', ex);
    check.that('HWSCM-IMP-001', id !== undefined, `200 body ${ex.text.slice(0, 120)}`, '200 {certificate_id}');
    check.that('HWSCM-IMP-002', id!.length === 16, `certificate_id ${JSON.stringify(id)} (${id!.length} characters)`, '16 characters');
    const shown = await scm.show(id!);
    check.outcome('HWSCM-IMP-002', shown);
    const got = shown.body as { id?: string; status?: string };
    check.that('HWSCM-IMP-002', got.id === id, `id ${JSON.stringify(got.id)}`, `id ${id}`);
    check.that('HWSCM-IMP-003', got.status === 'UPLOAD', `status ${JSON.stringify(got.status)} (${keyAlg})`, 'status UPLOAD');
    const del = await scm.delete(id!);
    check.that('HWSCM-IMP-002', del.status === 204, `${del.status} from DeleteCertificate(${id})`, '204: DeleteCertificate accepts the id');
  }
});
