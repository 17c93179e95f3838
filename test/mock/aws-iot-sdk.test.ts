import 'reflect-metadata';
import { createHash, webcrypto } from 'node:crypto';
import { expect, test } from '@playwright/test';
import * as x509 from '@peculiar/x509';
import * as iot from '@aws-sdk/client-iot';
import { serve, type Served } from '../../mock/host/server.ts';
import { awsIot, MOCK_CREDENTIALS, type IotState } from '../../mock/providers/aws-iot/index.ts';

/**
 * The official client, unchanged but for endpoint, credentials, region and maxAttempts, runs
 * the whole deletion story against the mock with a real certificate and gets typed errors.
 */
x509.cryptoProvider.set(webcrypto as unknown as Crypto);
const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

async function certificate(cn: string) {
  const keys = await webcrypto.subtle.generateKey(ALG, false, ['sign', 'verify']);
  const notBefore = new Date(Date.UTC(2026, 0, 1));
  const notAfter = new Date(Date.UTC(2036, 0, 1));
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `CN=${cn}`,
    notBefore,
    notAfter,
    keys: keys as CryptoKeyPair,
    signingAlgorithm: ALG,
  });
  return { pem: cert.toString('pem'), der: Buffer.from(cert.rawData), notBefore, notAfter };
}

/** The typed error the SDK throws, with its HTTP status. */
async function rejection<T>(p: Promise<unknown>, type: new (...a: never[]) => T): Promise<T & { $metadata: { httpStatusCode?: number } }> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e, `expected ${type.name}`).toBeInstanceOf(type);
  return e as T & { $metadata: { httpStatusCode?: number } };
}

let served: Served<IotState>;
let client: iot.IoTClient;
test.beforeAll(async () => {
  served = await serve(awsIot, { strict: true });
  client = new iot.IoTClient({ endpoint: served.url, region: 'eu-west-1', credentials: MOCK_CREDENTIALS, maxAttempts: 1 });
});
test.afterAll(async () => served?.close());
test.afterEach(() => expect(served.violations, 'strict mode found replies the spec does not document').toEqual([]));

test('delete story: ACTIVE 406, thing 409 even forced, policy 409 unless forced, then gone', async () => {
  const { pem, der, notBefore, notAfter } = await certificate('sdk-story');
  const reg = await client.send(new iot.RegisterCertificateWithoutCACommand({ certificatePem: pem, status: 'ACTIVE' }));
  const id = reg.certificateId!;
  expect(id).toBe(createHash('sha256').update(der).digest('hex'));
  expect(reg.certificateArn).toBe(`arn:aws:iot:eu-west-1:123456789012:cert/${id}`);
  const arn = reg.certificateArn!;

  const described = (await client.send(new iot.DescribeCertificateCommand({ certificateId: id }))).certificateDescription!;
  expect(described).toMatchObject({ certificateId: id, certificateArn: arn, status: 'ACTIVE', certificatePem: pem });
  expect(described).toMatchObject({ ownedBy: '123456789012', certificateMode: 'SNI_ONLY', customerVersion: 1 });
  expect(described.validity).toEqual({ notBefore, notAfter });
  expect(described.creationDate).toBeInstanceOf(Date);

  const active = await rejection(client.send(new iot.DeleteCertificateCommand({ certificateId: id })), iot.CertificateStateException);
  expect(active.$metadata.httpStatusCode).toBe(406);

  await client.send(new iot.CreateThingCommand({ thingName: 'sdk-thing' }));
  await client.send(new iot.AttachThingPrincipalCommand({ thingName: 'sdk-thing', principal: arn }));
  expect((await client.send(new iot.ListPrincipalThingsCommand({ principal: arn }))).things).toEqual(['sdk-thing']);
  await client.send(new iot.UpdateCertificateCommand({ certificateId: id, newStatus: 'INACTIVE' }));
  const forced = client.send(new iot.DeleteCertificateCommand({ certificateId: id, forceDelete: true }));
  const thing = await rejection(forced, iot.DeleteConflictException);
  expect(thing.$metadata.httpStatusCode).toBe(409);
  await client.send(new iot.DetachThingPrincipalCommand({ thingName: 'sdk-thing', principal: arn }));
  expect((await client.send(new iot.ListThingPrincipalsCommand({ thingName: 'sdk-thing' }))).principals).toEqual([]);

  await client.send(new iot.CreatePolicyCommand({ policyName: 'sdk-policy', policyDocument: '{"Version":"2012-10-17","Statement":[]}' }));
  await client.send(new iot.AttachPolicyCommand({ policyName: 'sdk-policy', target: arn }));
  const attached = await client.send(new iot.ListAttachedPoliciesCommand({ target: arn })); // ARN percent-encoded in the path
  expect(attached.policies?.map((p) => p.policyName)).toEqual(['sdk-policy']);
  const policy = await rejection(client.send(new iot.DeleteCertificateCommand({ certificateId: id })), iot.DeleteConflictException);
  expect(policy.$metadata.httpStatusCode).toBe(409);
  await rejection(client.send(new iot.DeletePolicyCommand({ policyName: 'sdk-policy' })), iot.DeleteConflictException);

  const deleted = await client.send(new iot.DeleteCertificateCommand({ certificateId: id, forceDelete: true }));
  expect(deleted.$metadata.httpStatusCode).toBe(200);
  await rejection(client.send(new iot.DescribeCertificateCommand({ certificateId: id })), iot.ResourceNotFoundException);
  await rejection(client.send(new iot.DeleteCertificateCommand({ certificateId: id })), iot.ResourceNotFoundException);
  await rejection(client.send(new iot.ListAttachedPoliciesCommand({ target: arn })), iot.ResourceNotFoundException);
  await client.send(new iot.DeletePolicyCommand({ policyName: 'sdk-policy' })); // the forced delete detached it
  await client.send(new iot.DeleteThingCommand({ thingName: 'sdk-thing' }));
});

test('registering twice names the existing certificate; garbage is CertificateValidationException', async () => {
  const { pem } = await certificate('sdk-twice');
  const first = await client.send(new iot.RegisterCertificateWithoutCACommand({ certificatePem: pem }));
  const twice = client.send(new iot.RegisterCertificateWithoutCACommand({ certificatePem: pem, status: 'ACTIVE' }));
  const again = await rejection(twice, iot.ResourceAlreadyExistsException);
  expect(again.$metadata.httpStatusCode).toBe(409);
  expect(again.resourceId).toBe(first.certificateId);
  expect(again.resourceArn).toBe(first.certificateArn);
  const kept = await client.send(new iot.DescribeCertificateCommand({ certificateId: first.certificateId! }));
  expect(kept.certificateDescription?.status, 'no status given: the documented choice INACTIVE').toBe('INACTIVE');

  const register = (certificatePem: string) => client.send(new iot.RegisterCertificateWithoutCACommand({ certificatePem }));
  const garbage = await rejection(register('not a certificate'), iot.CertificateValidationException);
  expect(garbage.$metadata.httpStatusCode).toBe(400);
  const key = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n';
  await rejection(register(key), iot.CertificateValidationException);
});

test('ListCertificates pages through every certificate once, in creation order', async () => {
  const ids: string[] = [];
  for (let n = 0; n < 5; n++) {
    const { pem } = await certificate(`sdk-page-${n}`);
    ids.push((await client.send(new iot.RegisterCertificateWithoutCACommand({ certificatePem: pem }))).certificateId!);
    served.ctx.clock.advance(1000);
  }
  const seen: string[] = [];
  let marker: string | undefined;
  do {
    const page = await client.send(new iot.ListCertificatesCommand({ pageSize: 2, marker, ascendingOrder: true }));
    expect(page.certificates!.length).toBeLessThanOrEqual(2);
    seen.push(...page.certificates!.map((c) => c.certificateId!));
    marker = page.nextMarker;
  } while (marker);
  expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
  expect(new Set(seen).size).toBe(seen.length);
  const newest = await client.send(new iot.ListCertificatesCommand({ pageSize: 1 }));
  expect(newest.certificates?.[0]?.certificateId, 'default order: newest first').toBe(ids.at(-1));
});

test("the seed's recipe with the deprecated DetachPrincipalPolicy: detach, deactivate, delete", async () => {
  const { pem } = await certificate('sdk-principal-policy');
  const { certificateId: id, certificateArn: arn } = await client.send(new iot.RegisterCertificateWithoutCACommand({ certificatePem: pem, status: 'ACTIVE' }));
  await client.send(new iot.CreatePolicyCommand({ policyName: 'sdk-pp', policyDocument: '{"Version":"2012-10-17","Statement":[]}' }));
  await client.send(new iot.AttachPolicyCommand({ policyName: 'sdk-pp', target: arn }));
  // DELETE /principal-policies/sdk-pp with the ARN in x-amzn-iot-principal.
  const detached = await client.send(new iot.DetachPrincipalPolicyCommand({ policyName: 'sdk-pp', principal: arn }));
  expect(detached.$metadata.httpStatusCode).toBe(200);
  expect((await client.send(new iot.ListAttachedPoliciesCommand({ target: arn }))).policies).toEqual([]);
  await client.send(new iot.UpdateCertificateCommand({ certificateId: id, newStatus: 'INACTIVE' }));
  expect((await client.send(new iot.DeleteCertificateCommand({ certificateId: id }))).$metadata.httpStatusCode).toBe(200);
  // The model documents ResourceNotFoundException: an unknown policy, a principal that is gone.
  await rejection(client.send(new iot.DetachPrincipalPolicyCommand({ policyName: 'sdk-none', principal: arn })), iot.ResourceNotFoundException);
  await rejection(client.send(new iot.DetachPrincipalPolicyCommand({ policyName: 'sdk-pp', principal: arn })), iot.ResourceNotFoundException);
  await client.send(new iot.DeletePolicyCommand({ policyName: 'sdk-pp' }));
});
