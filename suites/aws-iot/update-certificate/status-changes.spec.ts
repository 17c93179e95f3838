import { rules } from '../../support/rules.ts';
import { test } from '../helpers/fixtures.ts';
import { unknownCertificateId } from '../helpers/ids.ts';
import type { ApiClient } from '../../support/http/client.ts';

const update = (api: ApiClient, id: string, newStatus: string) => api.call('UpdateCertificate', { path: { certificateId: id }, query: { newStatus } }, { label: `update to ${newStatus}` });
async function statusOf(api: ApiClient, id: string): Promise<string | undefined> {
  const d = await api.call('DescribeCertificate', { path: { certificateId: id } });
  return (d.body as { certificateDescription?: { status?: string } })?.certificateDescription?.status;
}

test('UpdateCertificate changes the described status and is idempotent', rules(['AWSIOT-UPD-002', 'AWSIOT-UPD-003']), async ({ api, check, sandbox }) => {
  const cert = await sandbox.cert('INACTIVE');
  for (const status of ['ACTIVE', 'ACTIVE', 'INACTIVE', 'INACTIVE', 'REVOKED']) {
    const before = await statusOf(api, cert.id);
    const ex = await update(api, cert.id, status);
    check.outcome(before === status ? 'AWSIOT-UPD-002' : 'AWSIOT-UPD-003', ex);
    if (before === status) check.that('AWSIOT-UPD-002', ex.text.trim() === '' || ex.text.trim() === '{}', `body ${ex.text.slice(0, 80)}`, 'an empty body');
    const after = await statusOf(api, cert.id);
    check.that('AWSIOT-UPD-003', after === status, `described status ${after}`, status);
  }
});

test('the internal statuses PENDING_TRANSFER and PENDING_ACTIVATION cannot be set', rules(['AWSIOT-UPD-001']), async ({ api, check, sandbox }) => {
  const cert = await sandbox.cert('INACTIVE');
  for (const status of ['PENDING_TRANSFER', 'PENDING_ACTIVATION']) {
    check.outcome('AWSIOT-UPD-001', await update(api, cert.id, status));
    const after = await statusOf(api, cert.id);
    check.that('AWSIOT-UPD-001', after === 'INACTIVE', `described status ${after} after the refused update`, 'INACTIVE (unchanged)');
  }
});

test('updating a well-formed id that does not exist is 404', rules(['AWSIOT-UPD-004'], '@readonly'), async ({ api, check }) => {
  for (const status of ['INACTIVE', 'ACTIVE']) check.outcome('AWSIOT-UPD-004', await update(api, unknownCertificateId(), status));
});
