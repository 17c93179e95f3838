import type { Provider } from '../../lib/providers.ts';
import type { Handler, HostContext } from '../../mock/host/types.ts';
import { sha256Hex } from '../../suites/support/certs/fingerprint.ts';
import { azureImportBody } from '../../suites/support/certs/import-bodies.ts';
import { selfSigned } from '../../suites/support/certs/generate.ts';
import { distinctCertificates } from './distinct-certs.ts';

/** One step of a create-and-delete cycle: a request and the status the engine must answer. */
export interface Step {
  method: string;
  path: string;
  body?: unknown;
  status: number;
}

export interface Scenario {
  handlers: Record<string, Handler<unknown>>;
  createState(ctx: HostContext): unknown;
  /** The steps that create certificate n and delete it for good. */
  cycle(n: number): Step[];
}

/**
 * aws-iot: RegisterCertificateWithoutCA then DeleteCertificate, each certificate distinct. The
 * engine's handlers without the SigV4 wrapper (signing a million requests would measure the
 * signer; the signature check keeps no state).
 */
async function awsIot(): Promise<Scenario> {
  const { handlers } = await import('../../mock/providers/aws-iot/handlers.ts');
  const { createState } = await import('../../mock/providers/aws-iot/state.ts');
  const certificate = await distinctCertificates();
  return {
    handlers: handlers as Record<string, Handler<unknown>>,
    createState,
    cycle: (n) => {
      const pem = certificate(n);
      return [
        { method: 'POST', path: '/certificate/register-no-ca', body: { certificatePem: pem, status: 'INACTIVE' }, status: 200 },
        { method: 'DELETE', path: `/certificates/${sha256Hex(pem)}`, status: 200 },
      ];
    },
  };
}

/** azure-keyvault: import under a new name, delete (into the deleted store), purge. */
async function azureKeyVault(): Promise<Scenario> {
  const { azureKeyVault: module } = await import('../../mock/providers/azure-keyvault/index.ts');
  const body = azureImportBody(await selfSigned({ ca: false }));
  const q = '?api-version=7.0';
  return {
    handlers: module.handlers as Record<string, Handler<unknown>>,
    createState: module.createState,
    cycle: (n) => [
      { method: 'POST', path: `/certificates/mem-${n}/import${q}`, body, status: 200 },
      { method: 'DELETE', path: `/certificates/mem-${n}${q}`, status: 200 },
      { method: 'DELETE', path: `/deletedcertificates/mem-${n}${q}`, status: 204 },
    ],
  };
}

export const scenarios: Partial<Record<Provider, () => Promise<Scenario>>> = { 'aws-iot': awsIot, 'azure-keyvault': azureKeyVault };
