import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Provider } from '../../lib/providers.ts';
import { startMocks, type MockUnderTest } from './fuzz-mock.ts';
import { startMqttListener } from '../../mock/providers/alibaba-mqtt/mqtt.ts';
import type { MqttState } from '../../mock/providers/alibaba-mqtt/state.ts';
import { alibabaSharedStorm } from './storm-alibaba.ts';
import { awsSharedStorm } from './storm-aws.ts';
import { azureSharedStorm } from './storm-azure.ts';
import { expected, LIFECYCLES } from './storm-distinct.ts';
import { huaweiSharedStorm } from './storm-huawei.ts';
import { fireAll, transcript } from './storm-record.ts';
import { serialOrder, type Storm } from './storm-serial.ts';

/**
 * Concurrency: many clients at once on one resource. Every request and answer is recorded;
 * afterwards some serial order of them must explain every answer under the provider's
 * documented model and end in the state the API shows (no lost update, no resource both
 * deleted and present, no cascade half done), and the mock recorded no unexpected error.
 */
const N = 50;
const CLIENTS = 10;

async function weather<S>(m: MockUnderTest, storm: Storm<S>) {
  const recorded = await fireAll(storm.ops);
  expect(recorded).toHaveLength(storm.ops.length);
  const observed = await storm.observe();
  const verdict = serialOrder(storm.initial, recorded, storm.step, storm.key, observed);
  if (!verdict.order) throw new Error(`${verdict.reason}\nobserved: ${storm.key(observed)}\n${transcript(recorded)}`);
  expect(m.served.violations).toEqual([]);
  return recorded;
}

async function withMock(p: Provider, body: (m: MockUnderTest) => Promise<void>) {
  // Idle keep-alive sockets outlive the MQTT handshakes: a server closing one just as the
  // client's agent reuses it is a reset no storm is about (the default is 5 s).
  const { mocks, close } = await startMocks([p], { keepAliveTimeoutMs: 60_000 });
  try {
    await body(mocks[p]);
  } finally {
    await close();
  }
}

test('the serial-order check refuses histories no order explains', () => {
  const step = (s: boolean, op: string) => (op === 'delete' ? [{ outcome: s ? '200' : '404', next: false }] : [{ outcome: '200', next: true }]);
  const key = String;
  expect(serialOrder(true, [{ op: 'delete', outcome: '200' }, { op: 'delete', outcome: '404 NotFound' }], step, key, false).order).toHaveLength(2);
  expect(serialOrder(true, [{ op: 'delete', outcome: '200' }, { op: 'delete', outcome: '200' }], step, key, false).order).toBeUndefined();
  expect(serialOrder(true, [{ op: 'delete', outcome: '200' }], step, key, true).order).toBeUndefined();
});

test(`aws-iot: ${N} concurrent deletes, re-registrations, attaches, detaches and status flips of one certificate`, async () => {
  await withMock('aws-iot', async (m) => {
    await weather(m, await awsSharedStorm(m.api));
    // Narrower races on a deletable certificate: N deletes (exactly one succeeds), deletes against attaches.
    await weather(m, await awsSharedStorm(m.api, { delete: N, register: 0, attach: 0, detach: 0, update: 0 }));
    await weather(m, await awsSharedStorm(m.api, { delete: N / 2, register: 0, attach: N / 2, detach: 0, update: 0 }));
    const snap = (await (await fetch(`${m.served.url}/__certconform/state`)).json()) as { certificates: { certificateArn: string }[]; thingPrincipals: { principal: string }[] };
    const arns = new Set(snap.certificates.map((c) => c.certificateArn));
    expect(snap.thingPrincipals.filter((a) => !arns.has(a.principal))).toEqual([]);
  });
});

test(`azure-keyvault: ${N} concurrent deletes, recovers, purges, imports and gets of one name`, async () => {
  await withMock('azure-keyvault', async (m) => {
    await weather(m, await azureSharedStorm(m.api, N));
  });
});

test(`huawei-scm: ${N} concurrent deletes, shows and listings of four certificates`, async () => {
  await withMock('huawei-scm', async (m) => {
    await weather(m, await huaweiSharedStorm(m.api, N));
  });
});

test(`alibaba-mqtt: a CA's deletion races ${N - 10} device enrolments over MQTT and reads of the CA`, async () => {
  await withMock('alibaba-mqtt', async (m) => {
    const listener = await startMqttListener({ state: () => m.served.state as MqttState });
    const dir = mkdtempSync(join(tmpdir(), 'certconform-storm-'));
    try {
      writeFileSync(join(dir, 'mqtt-ca.pem'), listener.caPem);
      m.target.mqtt = { url: listener.url, caFile: join(dir, 'mqtt-ca.pem') };
      await weather(m, await alibabaSharedStorm(m.api, N));
    } finally {
      await listener.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const [p, lifecycle] of Object.entries(LIFECYCLES) as [Provider, NonNullable<(typeof LIFECYCLES)[Provider]>][]) {
  test(`${p}: ${CLIENTS} clients walk their own resources through the documented lifecycle at once, each answer as if alone`, async () => {
    await withMock(p, async (m) => {
      const walks = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => lifecycle(m.api, i)));
      const wrong = walks.flatMap((w, i) => w.filter(([, want, got]) => !expected(want, got)).map(([op, want, got]) => `client ${i}: ${op} -> ${got}, expected ${want}`));
      expect(wrong).toEqual([]);
      expect(m.served.violations).toEqual([]);
    });
  });
}
