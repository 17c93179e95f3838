import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { expect, test } from '@playwright/test';
import * as x509 from '@peculiar/x509';
import * as iot from '@aws-sdk/client-iot';
import { CertificateClient } from '@azure/keyvault-certificates';
import OpenApiModule, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import { ClientBuilder } from '@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js';
import { GlobalCredentials } from '@huaweicloud/huaweicloud-sdk-core/auth/GlobalCredentials.js';
import type { HcClient } from '@huaweicloud/huaweicloud-sdk-core/HcClient.js';
import { loadSpec } from '../../lib/spec/load.ts';
import type { Provider } from '../../lib/providers.ts';
import { serve, type Served } from '../../mock/host/server.ts';
import type { ProviderModule } from '../../mock/host/types.ts';
import { alibabaMqtt, DEFAULT_INSTANCE_ID, MOCK_CREDENTIALS as ALI } from '../../mock/providers/alibaba-mqtt/index.ts';
import { issueCa, issueLeaf } from '../../mock/providers/alibaba-mqtt/issue.ts';
import { awsIot, MOCK_CREDENTIALS as AWS } from '../../mock/providers/aws-iot/index.ts';
import { createAzureKeyVault, tlsMaterial } from '../../mock/providers/azure-keyvault/index.ts';
import { huaweiScm, MOCK_AK, MOCK_SK } from '../../mock/providers/huawei-scm/index.ts';
import { KINDS } from '../../mock/vary/options.ts';
import { Vary } from '../../mock/vary/vary.ts';

/**
 * The official clients' flows against `--vary` for three seeds: each client keeps its own
 * retry policy (the mock answers documented throttling and 503s), pages through listings the
 * mock cuts small, and judges errors by code where the documented status varies. Strict mode
 * also checks every varied reply against the spec.
 */
x509.cryptoProvider.set(webcrypto as unknown as Crypto);
const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const SEEDS = [101, 202, 303];

async function selfSigned(cn: string) {
  const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '01', name: `CN=${cn}`, keys, signingAlgorithm: EC });
  const key = x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
  return { pem: cert.toString('pem'), key };
}

function varied<S>(module: ProviderModule<S>, seed: number, lines: string[]) {
  const options = { seed, kinds: new Set(KINDS) };
  return new Vary(module as ProviderModule<unknown>, loadSpec(module.provider as Provider), options, (l) => lines.push(l));
}

async function finish(served: Served<unknown>, lines: string[]) {
  await served.close();
  expect(served.violations, 'strict mode: a varied reply the spec does not document').toEqual([]);
  return lines;
}

/** Retries a call its client does not retry itself, while the answer is a documented transient error. */
async function retrying<T>(call: () => Promise<T>, transient: (e: any) => boolean): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      if (attempt >= 6 || !transient(e)) throw e;
    }
  }
}

const errorName = (p: Promise<unknown>) => p.then(() => 'no error', (e: { name?: string }) => e.name);

for (const seed of SEEDS) {
  test(`aws-iot SDK (seed ${seed}): register, 406 while ACTIVE, deactivate, paged listing, delete, gone`, async () => {
    const lines: string[] = [];
    const served = await serve(awsIot, { strict: true, vary: varied(awsIot, seed, lines) });
    // The SDK's own retry policy, its back-off shortened: it retries throttling and 503.
    const client = new iot.IoTClient({ endpoint: served.url, region: 'eu-west-1', credentials: AWS, maxAttempts: 6 });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { pem } = await selfSigned(`vary-${seed}-${i}`);
      const reg = await client.send(new iot.RegisterCertificateWithoutCACommand({ certificatePem: pem, status: 'ACTIVE' }));
      ids.push(reg.certificateId!);
    }
    const first = { certificateId: ids[0]! };
    expect(await errorName(client.send(new iot.DeleteCertificateCommand(first)))).toBe('CertificateStateException');
    await client.send(new iot.UpdateCertificateCommand({ certificateId: ids[0]!, newStatus: 'INACTIVE' }));
    const listed: string[] = [];
    for await (const page of iot.paginateListCertificates({ client }, { pageSize: 250 })) {
      listed.push(...page.certificates!.map((c) => c.certificateId!));
    }
    expect(listed.sort()).toEqual([...ids].sort());
    await client.send(new iot.DeleteCertificateCommand(first));
    expect(await errorName(client.send(new iot.DescribeCertificateCommand(first)))).toBe('ResourceNotFoundException');
    expect((await finish(served as Served<unknown>, lines)).some((l) => / pages ListCertificates/.test(l))).toBe(true);
  });

  test(`azure-keyvault SDK (seed ${seed}): import, paged listing, delete poller, deleted store, purge`, async () => {
    const lines: string[] = [];
    const vary = varied(createAzureKeyVault(), seed, lines);
    const module = createAzureKeyVault({ deletedVisibleAfterMs: vary.consistencyDelayMs() });
    const tls = await tlsMaterial();
    const served = await serve(module, { strict: true, tls: { key: tls.keyPem, cert: tls.certPem }, vary });
    const credential: ConstructorParameters<typeof CertificateClient>[1] = {
      getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }),
    };
    const client = new CertificateClient(served.url, credential, {
      serviceVersion: '7.0',
      disableChallengeResourceVerification: true,
      retryOptions: { maxRetries: 6, retryDelayInMs: 20, maxRetryDelayInMs: 200 },
      tlsOptions: { ca: tls.caPem },
    });
    const names = ['varyA', 'varyB', 'varyC'];
    for (const n of names) {
      const { pem, key } = await selfSigned(n);
      const value = new TextEncoder().encode(`${key}\n${pem}`);
      await client.importCertificate(n, value, { policy: { contentType: 'application/x-pem-file' } });
    }
    const listed: string[] = [];
    for await (const p of client.listPropertiesOfCertificates()) listed.push(p.name!);
    expect(listed.sort()).toEqual(names);
    const poller = await client.beginDeleteCertificate('varyA', { intervalInMs: 20 });
    const deleted = await poller.pollUntilDone();
    expect(deleted.recoveryId).toMatch(/\/deletedcertificates\/varyA$/);
    expect((await client.getDeletedCertificate('varyA')).recoveryId).toBe(deleted.recoveryId);
    const inDeleted: string[] = [];
    for await (const d of client.listDeletedCertificates()) inDeleted.push(d.name!);
    expect(inDeleted).toEqual(['varyA']);
    await client.purgeDeletedCertificate('varyA');
    const code = await client.getDeletedCertificate('varyA').then(() => 'found', (e: { code?: string }) => e.code);
    expect(code).toBe('CertificateNotFound');
    expect((await finish(served as Served<unknown>, lines)).some((l) => / consistency /.test(l))).toBe(true);
  });

  test(`alibaba-mqtt openapi-client (seed ${seed}): register CA, list, delete, FindCaBySnError at a documented status`, async () => {
    const lines: string[] = [];
    const served = await serve(alibabaMqtt, { strict: true, vary: varied(alibabaMqtt, seed, lines) });
    const client = new OpenApiModule.default(new Config({ ...ALI, endpoint: new URL(served.url).host, protocol: 'http' }));
    const style = {
      version: '2020-04-20', protocol: 'HTTP', pathname: '/', method: 'POST',
      authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
    };
    // openapi-client retries only connection failures: a robust caller retries the documented transient codes.
    const op = loadSpec('alibaba-mqtt').operations.get('DeleteCaCertificate')!;
    const transientCodes = [alibabaMqtt.faults!.throttle(op).code, alibabaMqtt.faults!.unavailable(op).code];
    const once = async (action: string, query: Record<string, string>) =>
      (await client.callApi(new Params({ action, ...style }), new OpenApiRequest({ query }), {} as never)).body as Record<string, any>;
    const call = (action: string, query: Record<string, string>) =>
      retrying(() => once(action, query), (e) => transientCodes.includes(e.code));
    const Mqtt = DEFAULT_INSTANCE_ID;
    const { RegisterCode } = await call('GetRegisterCode', { MqttInstanceId: Mqtt });
    const ca = await issueCa(`vary-${seed}`);
    const verification = await issueLeaf(ca, RegisterCode);
    const registration = { MqttInstanceId: Mqtt, CaName: 'vary', CaContent: ca.pem, VerificationContent: verification.pem };
    const { Sn } = await call('RegisterCaCertificate', registration);
    const list = await call('ListCaCertificate', { MqttInstanceId: Mqtt, PageNo: '1', PageSize: '10' });
    expect(list.Data.CaCertificateVOS.map((c: { Sn: string }) => c.Sn)).toEqual([Sn]);
    expect((await call('DeleteCaCertificate', { MqttInstanceId: Mqtt, Sn })).Sn).toBe(Sn);
    type Refusal = { code?: string; statusCode?: number; data?: { statusCode?: number } };
    const again = await call('DeleteCaCertificate', { MqttInstanceId: Mqtt, Sn }).then(() => undefined, (e: Refusal) => e);
    expect(again?.code).toBe('FindCaBySnError');
    expect([400, 500]).toContain(again?.data?.statusCode ?? again?.statusCode);
    await finish(served as Served<unknown>, lines);
  });

  test(`huawei-scm SDK signer (seed ${seed}): import, show, delete 204, show refused as documented`, async () => {
    const lines: string[] = [];
    const served = await serve(huaweiScm, { strict: true, vary: varied(huaweiScm, seed, lines) });
    const client: HcClient = new ClientBuilder((c: HcClient) => c)
      .withEndpoint(served.url)
      .withCredential(new GlobalCredentials().withAk(MOCK_AK).withSk(MOCK_SK).withDomainId('0970dd7a1300f5672ff2c003c60ae115'))
      .build();
    (client as unknown as { httpClient: { _logger: { setLevel(l: string): void } } }).httpClient._logger.setLevel('off');
    const send = (method: string, url: string, extra: { data?: object; id?: string } = {}) =>
      client.sendRequest<{ httpStatusCode?: number } & Record<string, any>>({
        method, url, contentType: 'application/json', pathParams: extra.id ? { certificate_id: extra.id } : {},
        queryParams: {}, headers: {}, data: extra.data,
      });
    const { pem, key } = await selfSigned('vary.certconform.test');
    const data = { name: `vary-${seed}`, certificate: pem, private_key: key };
    const id = (await send('POST', '/v3/scm/certificates/import', { data })).certificate_id as string;
    expect((await send('GET', '/v3/scm/certificates/{certificate_id}', { id })).id).toBe(id);
    expect((await send('DELETE', '/v3/scm/certificates/{certificate_id}', { id })).httpStatusCode).toBe(204);
    // HWSCM-DEL-003: 400 SCM.0008 or 404, as the mock draws.
    const refused = await send('GET', '/v3/scm/certificates/{certificate_id}', { id }).catch((e) => e);
    expect([400, 404]).toContain(refused.httpStatusCode);
    await finish(served as Served<unknown>, lines);
  });
}
