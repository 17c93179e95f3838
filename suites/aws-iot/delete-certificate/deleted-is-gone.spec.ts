import { rules } from '../../support/rules.ts';
import { test } from '../helpers/fixtures.ts';
import { allIds, walkCertificates } from '../helpers/listing.ts';

// Also tagged with SPEC-001 (checked by the client on every exchange of every test): this
// test's register, delete, describe, list and second delete cover the seed operation's answers.
const RULES = ['AWSIOT-DEL-012', 'AWSIOT-DEL-008', 'AWSIOT-DEL-009', 'AWSIOT-DEL-010', 'AWSIOT-SPEC-001'];

test('a deleted certificate is gone: empty 200, describe 404, absent from every page, second delete 404', rules(RULES), async ({ api, check, sandbox }) => {
  const cert = await sandbox.cert('INACTIVE');
  const del = await api.call('DeleteCertificate', { path: { certificateId: cert.id } }, { label: 'delete INACTIVE, nothing attached' });
  check.outcome('AWSIOT-DEL-012', del);
  check.that('AWSIOT-DEL-012', del.text.trim() === '', `body ${JSON.stringify(del.text.slice(0, 80))}`, 'an empty HTTP body');
  check.outcome('AWSIOT-DEL-008', await api.call('DescribeCertificate', { path: { certificateId: cert.id } }, { label: 'describe deleted' }));
  for (const ascending of [undefined, true]) {
    const walk = await walkCertificates(api, { pageSize: 250, ascending });
    const bad = walk.exchanges.find((e) => e.status !== 200);
    check.that('AWSIOT-DEL-009', !bad, () => `ListCertificates ${bad?.status} ${bad?.code ?? ''}`, '200 on every page');
    check.that('AWSIOT-DEL-009', !allIds(walk).includes(cert.id), `${cert.id} listed after its delete`, 'absent from every page');
  }
  check.outcome('AWSIOT-DEL-010', await api.call('DeleteCertificate', { path: { certificateId: cert.id } }, { label: 'delete again' }));
  check.outcome('AWSIOT-DEL-010', await api.call('DeleteCertificate', { path: { certificateId: cert.id }, query: { forceDelete: true } }, { label: 'force delete again' }));
});
