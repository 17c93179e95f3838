import type { Provider } from '../../lib/providers.ts';
import { selfSigned, verificationCertificate } from '../../suites/support/certs/generate.ts';
import { azureImportBody, huaweiImportBody } from '../../suites/support/certs/import-bodies.ts';
import type { ApiClient } from '../../suites/support/http/client.ts';

/** Latencies of the current sampling window, and answers that were not the documented ones. */
export interface Tally {
  latencies: number[];
  requests: number;
  unexpected: string[];
}

/** One client's call: timed, tallied, and checked against the one status the cycle expects. */
function caller(api: ApiClient, tally: Tally) {
  return async (op: string, input: Parameters<ApiClient['call']>[1], want: number) => {
    const t0 = performance.now();
    const ex = await api.call(op, input, { retry: false });
    tally.latencies.push(performance.now() - t0);
    tally.requests++;
    if (ex.status !== want && tally.unexpected.length < 20) tally.unexpected.push(`${api.target.provider} ${op}: ${ex.status} ${ex.code ?? ''}, expected ${want}`);
    return ex.body as Record<string, unknown>;
  };
}

/**
 * One resource's lifecycle per provider, created and removed again (so the live state holds
 * still while the load goes on): register/import, read, list, delete (and purge).
 */
export async function cycleFor(p: Provider, api: ApiClient, tally: Tally, worker: number): Promise<() => Promise<void>> {
  const call = caller(api, tally);
  const cert = await selfSigned({ subject: [{ CN: [`long-run-${worker}.test`] }] });
  switch (p) {
    case 'aws-iot':
      return async () => {
        const { certificateId } = (await call('RegisterCertificateWithoutCA', { body: { certificatePem: cert.pem, status: 'INACTIVE' } }, 200)) as { certificateId: string };
        await call('DescribeCertificate', { path: { certificateId } }, 200);
        await call('ListCertificates', { query: { pageSize: 5 } }, 200);
        await call('DeleteCertificate', { path: { certificateId } }, 200);
      };
    case 'azure-keyvault': {
      const path = { 'certificate-name': `long-run-${worker}` };
      const body = azureImportBody(cert);
      return async () => {
        await call('ImportCertificate', { path, body }, 200);
        await call('GetCertificate', { path }, 200);
        await call('DeleteCertificate', { path }, 200);
        await call('PurgeDeletedCertificate', { path }, 204);
      };
    }
    case 'huawei-scm':
      return async () => {
        const { certificate_id } = (await call('ImportCertificate', { body: huaweiImportBody(`long-run-${worker}`, cert) }, 200)) as { certificate_id: string };
        await call('ShowCertificate', { path: { certificate_id } }, 200);
        await call('ListCertificates', { query: { limit: 10 } }, 200);
        await call('DeleteCertificate', { path: { certificate_id } }, 204);
      };
    case 'alibaba-mqtt': {
      const instance = { MqttInstanceId: api.target.credentials.instanceId! };
      const { RegisterCode } = (await call('GetRegisterCode', { query: instance }, 200)) as { RegisterCode: string };
      const ca = await selfSigned({ subject: [{ CN: [`long-run-ca-${worker}`] }] });
      const verification = await verificationCertificate(ca, RegisterCode);
      return async () => {
        const { Sn } = (await call('RegisterCaCertificate', { query: { ...instance, CaName: `lr${worker}`, CaContent: ca.pem, VerificationContent: verification.pem } }, 200)) as { Sn: string };
        await call('GetCaCertificate', { query: { ...instance, Sn } }, 200);
        await call('ListCaCertificate', { query: { ...instance, PageNo: '1', PageSize: '10' } }, 200);
        await call('DeleteCaCertificate', { query: { ...instance, Sn } }, 200);
      };
    }
  }
}

/** Resources that stay for the whole run: the live state memory is measured against. */
export async function seed(p: Provider, api: ApiClient, tally: Tally, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const cert = await selfSigned({ subject: [{ CN: [`long-run-seed-${i}.test`] }] });
    const call = caller(api, tally);
    if (p === 'aws-iot') await call('RegisterCertificateWithoutCA', { body: { certificatePem: cert.pem, status: 'ACTIVE' } }, 200);
    if (p === 'azure-keyvault') await call('ImportCertificate', { path: { 'certificate-name': `long-run-seed-${i}` }, body: azureImportBody(cert) }, 200);
    if (p === 'huawei-scm') await call('ImportCertificate', { body: huaweiImportBody(`long-run-seed-${i}`, cert) }, 200);
  }
}
