import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Provider } from '../../lib/providers.ts';
import { loadSpec, type Spec } from '../../lib/spec/load.ts';
import type { Limits } from '../../mock/host/limits.ts';
import { serve, type Served } from '../../mock/host/server.ts';
import { loadProvider } from '../../mock/providers/index.ts';
import { makeTlsMaterial } from '../../mock/tls.ts';
import { Checker } from '../../suites/support/checks/checker.ts';
import { ApiClient } from '../../suites/support/http/client.ts';
import type { Exchange } from '../../suites/support/http/exchange.ts';
import { StepLog } from '../../suites/support/http/steps.ts';
import { WIRES } from '../../suites/support/http/wires/index.ts';
import type { Target } from '../../suites/support/target/targets.ts';
import { Verdicts } from '../../suites/support/verdict/recorder.ts';

/** One provider of the real mock, in this process, with the suites' signed client beside it. */
export interface MockUnderTest {
  provider: Provider;
  spec: Spec;
  served: Served<unknown>;
  target: Target;
  /** PEM of the CA an https provider's certificate chains to. */
  ca?: string;
  api: ApiClient;
  /** A valid signed listing: the mock still answers a normal request (throws if not 200). */
  probe(): Promise<Exchange>;
}

/** A read-only operation every provider has, with the input it needs. */
const LISTING: Record<Provider, (t: Target) => [string, Record<string, unknown>]> = {
  'aws-iot': () => ['ListCertificates', {}],
  'azure-keyvault': () => ['GetCertificates', {}],
  'alibaba-mqtt': (t) => ['ListCaCertificate', { query: { MqttInstanceId: t.credentials.instanceId, PageNo: '1', PageSize: '10' } }],
  'huawei-scm': () => ['ListCertificates', {}],
};

/**
 * Starts the given providers with `serve()` in strict mode (an undocumented reply becomes a
 * recorded 500) and the given limits; azure-keyvault over TLS with a CA made here.
 */
export async function startMocks(providers: readonly Provider[], limits: Partial<Limits> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'certconform-robust-'));
  const material = providers.includes('azure-keyvault') ? await makeTlsMaterial() : undefined;
  const caFile = material ? join(dir, 'ca.pem') : undefined;
  if (material && caFile) writeFileSync(caFile, material.caPem);
  const mocks = {} as Record<Provider, MockUnderTest>;
  for (const provider of providers) {
    const module = await loadProvider(provider);
    const tls = module.tls && material ? { key: material.keyPem, cert: material.certPem } : undefined;
    const served = await serve(module, { strict: true, tls, limits });
    const target: Target = { provider, name: 'mock', url: served.url, credentials: module.credentials ?? {}, caFile: tls ? caFile : undefined };
    const spec = loadSpec(provider);
    const log = new StepLog();
    const api = new ApiClient(target, spec, WIRES[provider], new Checker(spec, new Verdicts(provider), log));
    const probe = async () => {
      log.restart();
      const [op, input] = LISTING[provider](target);
      const ex = await api.call(op, input, { retry: false });
      if (ex.status !== 200) throw new Error(`${provider}: the probe ${op} answered ${ex.status} ${ex.code ?? ''}: ${ex.text.slice(0, 300)}`);
      return ex;
    };
    mocks[provider] = { provider, spec, served, target, ca: tls ? material!.caPem : undefined, api, probe };
  }
  const close = async () => {
    await Promise.all(Object.values(mocks).map((m) => m.served.close()));
    rmSync(dir, { recursive: true, force: true });
  };
  return { mocks, close };
}
