import { azureImportBody } from '../../suites/support/certs/import-bodies.ts';
import { selfSigned } from '../../suites/support/certs/generate.ts';
import type { Workload, WireRequest } from './measure.ts';

const API = 'api-version=7.0';

/**
 * ImportCertificate (200) -> DeleteCertificate (200, into the deleted store) ->
 * PurgeDeletedCertificate (204), over HTTPS with a bearer token (the mock accepts any; the 401
 * challenge is the client's first request only, so a steady client always sends one).
 * Connection i works on its own name; every connection imports the same certificate.
 */
export async function azureCycle(url: string, connections: number): Promise<Workload> {
  const host = new URL(url).host;
  const body = JSON.stringify(azureImportBody(await selfSigned({ ca: false })));
  const headers = { host, authorization: 'Bearer certconform-bench', 'content-type': 'application/json' };
  const cycles = Array.from({ length: connections }, (_, i): WireRequest[] => [
    { method: 'POST', path: `/certificates/bench-${i}/import?${API}`, headers, body },
    { method: 'DELETE', path: `/certificates/bench-${i}?${API}`, headers },
    { method: 'DELETE', path: `/deletedcertificates/bench-${i}?${API}`, headers },
  ]);
  return { name: 'azure-keyvault import/delete/purge', cycle: (i) => cycles[i % cycles.length]!, expected: [200, 204] };
}
