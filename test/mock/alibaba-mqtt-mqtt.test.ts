import { expect, test } from '@playwright/test';
import PopCore from '@alicloud/pop-core';
import mqtt from 'mqtt';
import { serve, type Served } from '../../mock/host/server.ts';
import { alibabaMqtt, MOCK_CREDENTIALS, type MqttState } from '../../mock/providers/alibaba-mqtt/index.ts';
import { issueCa, issueLeaf, type Issued } from '../../mock/providers/alibaba-mqtt/issue.ts';
import { startMqttListener, type MqttListener } from '../../mock/providers/alibaba-mqtt/mqtt.ts';

/**
 * A device connects over MQTT/TLS with a certificate issued by a registered CA, the way the
 * real broker registers device certificates; the API then lists it. MQTT.js is the client.
 */
type Body = Record<string, any>;
const Mqtt = 'post-cn-certconform';

let served: Served<MqttState>;
let listener: MqttListener;
let pop: PopCore;
test.beforeEach(async () => {
  served = await serve(alibabaMqtt, { strict: true });
  listener = await startMqttListener({ state: () => served.state });
  pop = new PopCore({ ...MOCK_CREDENTIALS, endpoint: served.url, apiVersion: '2020-04-20' });
});
test.afterEach(async () => {
  expect(served.violations).toEqual([]);
  await listener.close();
  await served.close();
});

const call = (action: string, query: Record<string, string>) => pop.request<Body>(action, { MqttInstanceId: Mqtt, ...query }, { method: 'POST' });

/** Connects and disconnects; the outcome is 'connected' or the broker's refusal. */
async function connect(device: Issued): Promise<string> {
  try {
    const client = await mqtt.connectAsync(listener.url, { key: device.keyPem, cert: device.pem, ca: listener.caPem, reconnectPeriod: 0, connectTimeout: 5000 });
    await client.endAsync();
    return 'connected';
  } catch (e) {
    return (e as Error).message;
  }
}

test('a first connect registers the device certificate; strangers and inactive devices are refused', async () => {
  const { RegisterCode } = await call('GetRegisterCode', {});
  const ca = await issueCa('fleet');
  const { Sn } = await call('RegisterCaCertificate', { CaName: 'fleet', CaContent: ca.pem, VerificationContent: (await issueLeaf(ca, RegisterCode)).pem });
  const device = await issueLeaf(ca, 'sensor-7');
  expect(await connect(device)).toBe('connected');
  expect(await connect(device)).toBe('connected'); // again: still one registration
  const listed = await call('ListDeviceCertificateByCaSn', { CaSn: Sn, PageNo: '1', PageSize: '10' });
  expect(listed.Data.DeviceCertificateVOS.map((d: Body) => [d.DeviceSn, d.DeviceName, d.Status])).toEqual([
    [device.cert.serialNumber.toUpperCase(), 'sensor-7', '1'],
  ]);

  expect(await connect(await issueLeaf(await issueCa('stranger'), 'intruder'))).toMatch(/Not authorized/i);
  await call('InactivateDeviceCertificate', { CaSn: Sn, DeviceSn: listed.Data.DeviceCertificateVOS[0].DeviceSn });
  expect(await connect(device)).toMatch(/Not authorized/i);
  expect((await call('ListDeviceCertificate', { PageNo: '1', PageSize: '10' })).Data.Total).toBe(1);
});
