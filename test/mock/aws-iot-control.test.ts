import { expect, test } from '@playwright/test';
import * as iot from '@aws-sdk/client-iot';
import { get } from '../../lib/spec/pointer.ts';
import { loadSpec } from '../../lib/spec/load.ts';
import { serve, type Served } from '../../mock/host/server.ts';
import { awsIot, MOCK_CREDENTIALS, type IotState } from '../../mock/providers/aws-iot/index.ts';

/** The host's control API and fault injection, seen through the AWS IoT module and its SDK. */
const spec = loadSpec('aws-iot');
const at = '#/paths/~1certificate~1register-no-ca/post/requestBody/content/application~1json/example';
const { certificatePem } = get(spec.doc, at) as { certificatePem: string }; // the spec's real example certificate

let served: Served<IotState>;
let client: iot.IoTClient;
test.beforeAll(async () => {
  served = await serve(awsIot, { strict: true });
  client = new iot.IoTClient({ endpoint: served.url, region: 'us-east-1', credentials: MOCK_CREDENTIALS, maxAttempts: 1 });
});
test.afterAll(async () => served?.close());
test.afterEach(() => expect(served.violations).toEqual([]));

const control = (name: string, method = 'GET') => fetch(`${served.url}/__certconform/${name}`, { method }).then((r) => r.json());

test('the state endpoint shows the snapshot; reset empties it', async () => {
  expect(awsIot.credentials).toEqual(MOCK_CREDENTIALS);
  const { certificateId } = await client.send(new iot.RegisterCertificateWithoutCACommand({ certificatePem }));
  const state = await control('state');
  expect(state.certificates.map((c: { certificateId: string }) => c.certificateId)).toEqual([certificateId]);
  expect(state.certificates[0]).toMatchObject({ status: 'INACTIVE', certificatePem, ownedBy: '123456789012' });
  await control('reset', 'POST');
  expect((await client.send(new iot.ListCertificatesCommand({}))).certificates).toEqual([]);
});

test('injected faults are the documented ThrottlingException (400) and ServiceUnavailableException (503)', async () => {
  const faulty = (fault: string) => {
    const c = new iot.IoTClient({ endpoint: served.url, region: 'us-east-1', credentials: MOCK_CREDENTIALS, maxAttempts: 1 });
    c.middlewareStack.add((next) => (args) => {
      (args.request as { headers: Record<string, string> }).headers['x-certconform-fault'] = fault;
      return next(args);
    }, { step: 'build' });
    return c;
  };
  const throttled = await faulty('throttle').send(new iot.DeleteCertificateCommand({ certificateId: 'a'.repeat(64) })).catch((e: unknown) => e);
  expect(throttled).toBeInstanceOf(iot.ThrottlingException);
  expect((throttled as iot.ThrottlingException).$metadata.httpStatusCode).toBe(400);
  const down = await faulty('unavailable').send(new iot.ListCertificatesCommand({})).catch((e: unknown) => e);
  expect(down).toBeInstanceOf(iot.ServiceUnavailableException);
  expect((down as iot.ServiceUnavailableException).$metadata.httpStatusCode).toBe(503);
});
