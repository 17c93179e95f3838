import type { Provider } from '../../lib/providers.ts';
import { selfSigned } from '../../suites/support/certs/generate.ts';
import { azureImportBody, huaweiImportBody } from '../../suites/support/certs/import-bodies.ts';
import type { ApiClient } from '../../suites/support/http/client.ts';
import { outcomeOf } from './storm-record.ts';

/**
 * Lifecycles on distinct resources: each client walks its own resource through the documented
 * states, so whatever the interleaving with the other clients, every answer is fixed in
 * advance. `[step, expected outcome]` pairs; an outcome is `status [code]`, `a|b` for either.
 */
type Lifecycle = (api: ApiClient, client: number) => Promise<[string, string, string][]>;

async function walk(api: ApiClient, steps: [string, string, Parameters<ApiClient['call']>[1]][]): Promise<[string, string, string][]> {
  const out: [string, string, string][] = [];
  for (const [op, expected, input] of steps) out.push([op, expected, outcomeOf(await api.call(op, input, { retry: false }))]);
  return out;
}

const aws: Lifecycle = async (api, i) => {
  const { pem } = await selfSigned({ subject: [{ CN: [`distinct${i}.aws.test`] }] });
  const reg = await api.call('RegisterCertificateWithoutCA', { body: { certificatePem: pem, status: 'INACTIVE' } });
  const { certificateId, certificateArn } = reg.body as { certificateId: string; certificateArn: string };
  const id = { path: { certificateId } };
  const thing = { path: { thingName: `distinct-${i}` }, headers: { 'x-amzn-principal': certificateArn } };
  return [['RegisterCertificateWithoutCA', '200', outcomeOf(reg)], ...(await walk(api, [
    ['CreateThing', '200', { path: { thingName: `distinct-${i}` }, body: {} }],
    ['AttachThingPrincipal', '200', thing],
    ['DeleteCertificate', '409 DeleteConflictException', id],
    ['DetachThingPrincipal', '200', thing],
    ['UpdateCertificate', '200', { ...id, query: { newStatus: 'ACTIVE' } }],
    ['DeleteCertificate', '406 CertificateStateException', id],
    ['UpdateCertificate', '200', { ...id, query: { newStatus: 'INACTIVE' } }],
    ['DeleteCertificate', '200', id],
    ['DescribeCertificate', '404 ResourceNotFoundException', id],
    ['DeleteCertificate', '404 ResourceNotFoundException', id],
  ]))];
};

const azure: Lifecycle = async (api, i) => {
  const path = { 'certificate-name': `distinct-${i}-${Date.now().toString(36)}` };
  const body = azureImportBody(await selfSigned({ subject: [{ CN: [`distinct${i}.azure.test`] }] }));
  return walk(api, [
    ['ImportCertificate', '200', { path, body }],
    ['DeleteCertificate', '200', { path }],
    ['ImportCertificate', '409 Conflict', { path, body }],
    ['RecoverDeletedCertificate', '200', { path }],
    ['GetCertificate', '200', { path }],
    ['DeleteCertificate', '200', { path }],
    ['PurgeDeletedCertificate', '204', { path }],
    ['GetDeletedCertificate', '404 CertificateNotFound', { path }],
    ['GetCertificate', '404 CertificateNotFound', { path }],
  ]);
};

const huawei: Lifecycle = async (api, i) => {
  const imp = await api.call('ImportCertificate', { body: huaweiImportBody(`distinct-${i}`, await selfSigned({ subject: [{ CN: [`distinct${i}.huawei.test`] }] })) });
  const path = { certificate_id: (imp.body as { certificate_id: string }).certificate_id };
  return [['ImportCertificate', '200', outcomeOf(imp)], ...(await walk(api, [
    ['ShowCertificate', '200', { path }],
    ['DeleteCertificate', '204', { path }],
    ['ShowCertificate', '400', { path }],
    ['DeleteCertificate', '400|404', { path }],
  ]))];
};

export const LIFECYCLES: Partial<Record<Provider, Lifecycle>> = { 'aws-iot': aws, 'azure-keyvault': azure, 'huawei-scm': huawei };

/** Whether an outcome is one of the expected `a|b` (a bare status admits any code). */
export const expected = (want: string, got: string) => want.split('|').some((w) => got === w || got.startsWith(`${w} `));
