import { expect, test } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { issue, selfSigned } from '../../suites/support/certs/generate.ts';
import { handWritten } from './hand-written.ts';
import { clientFor, runMock, startMock, stopMocksAfterEach } from './mock-process.ts';
import { removeTempDirsAfterEach, tempDir } from './temp-dirs.ts';

// `certconform mock --state FILE` from outside: what a hand-written file puts behind the API,
// what a bad file does to the command, and what a clean stop leaves in the file.

removeTempDirsAfterEach();
stopMocksAfterEach();

const tempFile = (name: string) => join(tempDir('cc-state-cli-'), name);

test('a hand-written state file is what the API shows, in every provider', async () => {
  test.setTimeout(60_000);
  const { doc, awsId, ca, device } = await handWritten();
  const file = tempFile('state.json');
  writeFileSync(file, JSON.stringify(doc));
  const mock = await startMock(['aws-iot', 'azure-keyvault', 'alibaba-mqtt', 'huawei-scm'], ['--state', file]);
  try {
    const aws = clientFor(mock, 'aws-iot');
    const cert = await aws.call('DescribeCertificate', { path: { certificateId: awsId } });
    expect(cert.status).toBe(200);
    const description = (cert.body as { certificateDescription: { status: string; certificateArn: string } }).certificateDescription;
    expect(description.status).toBe('ACTIVE');
    const principals = await aws.call('ListThingPrincipals', { path: { thingName: 'fixture-thing' } });
    expect((principals.body as { principals: string[] }).principals).toEqual([description.certificateArn]);
    const attached = await aws.call('ListAttachedPolicies', { path: { target: description.certificateArn } });
    expect((attached.body as { policies: { policyName: string }[] }).policies.map((p) => p.policyName)).toEqual(['fixture-policy']);

    const azure = clientFor(mock, 'azure-keyvault');
    const pem = await azure.call('GetCertificate', { path: { 'certificate-name': 'fixture-pem' } });
    expect([pem.status, (pem.body as { tags?: object }).tags]).toEqual([200, { team: 'a' }]);
    const self = await azure.call('GetCertificate', { path: { 'certificate-name': 'fixture-self' } });
    expect((self.body as { policy: { x509_props: { subject: string } } }).policy.x509_props.subject).toBe('CN=self.example.com');
    expect((await azure.call('GetDeletedCertificate', { path: { 'certificate-name': 'fixture-gone' } })).status).toBe(200);

    const alibaba = clientFor(mock, 'alibaba-mqtt');
    const instance = mock.lines['alibaba-mqtt']!.credentials.instanceId!;
    const caSn = ca.cert.serialNumber.toUpperCase();
    const gotCa = await alibaba.call('GetCaCertificate', { query: { MqttInstanceId: instance, Sn: caSn } });
    expect((gotCa.body as { Data: { CaName: string; Status: string } }).Data).toMatchObject({ CaName: 'fixture-ca', Status: '1' });
    const gotDevice = await alibaba.call('GetDeviceCertificate', { query: { MqttInstanceId: instance, CaSn: caSn, DeviceSn: device.cert.serialNumber.toUpperCase() } });
    expect(gotDevice.status).toBe(200);

    const huawei = clientFor(mock, 'huawei-scm');
    const list = await huawei.call('ListCertificates', {});
    expect((list.body as { certificates: { name: string; domain: string }[] }).certificates.map((c) => [c.name, c.domain])).toEqual([['fixture-hw', 'fixture.example.com']]);
  } finally {
    await mock.stop();
  }
  // The file now holds the full form: ids and dates filled in, so a restart keeps them.
  const written = JSON.parse(readFileSync(file, 'utf8'));
  expect(written['aws-iot'].certificates[0]).toMatchObject({ certificateId: awsId, status: 'ACTIVE', generationId: expect.any(String) });
  expect(written['azure-keyvault'].certificates[1].versions[0].version).toMatch(/^[0-9a-f]{32}$/);
});

test('a bad state file, or --durable alone, exits 2 naming the entry and why', async () => {
  const { doc } = await handWritten();
  doc['alibaba-mqtt'].caCertificates = [];
  const file = tempFile('bad.json');
  writeFileSync(file, JSON.stringify(doc));
  const bad = runMock(['--state', file, 'alibaba-mqtt']);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain(`certconform mock: state file ${file}: /alibaba-mqtt/deviceCertificates/0/DeviceContent: no CA in /alibaba-mqtt/caCertificates`);
  expect(bad.stderr).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
  const alone = runMock(['--durable', 'aws-iot']);
  expect(alone.status).toBe(2);
  expect(alone.stderr).toContain('--durable makes the --state file crash-safe: give --state FILE too');
});

test('without --durable the file is created, kept current, and holds every change after a clean stop', async () => {
  test.setTimeout(60_000);
  const file = tempFile('state.json');
  const mock = await startMock(['aws-iot'], ['--state', file]);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, 'aws-iot': {} }); // created at start
  const pem = (await selfSigned({ ca: false })).pem;
  const aws = clientFor(mock, 'aws-iot');
  const reg = await aws.call('RegisterCertificateWithoutCA', { body: { certificatePem: pem, status: 'ACTIVE' } });
  expect(reg.status).toBe(200);
  const { certificateId } = reg.body as { certificateId: string };
  // Current while it runs (written a moment after the change), not only at the stop.
  await expect.poll(() => readFileSync(file, 'utf8'), { timeout: 5_000 }).toContain(certificateId);
  await aws.call('UpdateCertificate', { path: { certificateId }, query: { newStatus: 'INACTIVE' } });
  await aws.call('UpdateCertificate', { path: { certificateId }, query: { newStatus: 'ACTIVE' } });
  expect(await mock.stop()).toBe(0);
  expect(existsSync(`${file}.log`)).toBe(false);
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(saved['aws-iot'].certificates).toEqual([expect.objectContaining({ certificateId, certificatePem: pem, status: 'ACTIVE', customerVersion: 3 })]);
  // And a restart on the file serves it.
  const again = await startMock(['aws-iot'], ['--state', file]);
  try {
    const described = await clientFor(again, 'aws-iot').call('DescribeCertificate', { path: { certificateId } });
    expect((described.body as { certificateDescription: { status: string } }).certificateDescription.status).toBe('ACTIVE');
  } finally {
    await again.stop();
  }
});

test('--durable keeps what the control API did: a seeded device, the moved clock, and a reset', async () => {
  test.setTimeout(60_000);
  const { doc, ca } = await handWritten();
  const file = tempFile('state.json');
  writeFileSync(file, JSON.stringify({ version: 1, 'alibaba-mqtt': doc['alibaba-mqtt'] }));
  let mock = await startMock(['alibaba-mqtt'], ['--state', file, '--durable']);
  const control = (m: typeof mock, route: string, body?: unknown) =>
    fetch(`${m.lines['alibaba-mqtt']!.url}/__certconform/${route}`, { method: body === undefined ? 'GET' : 'POST', body: body === undefined ? undefined : JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
  const device = await issue(ca, { subject: [{ CN: ['seeded-device'] }] });
  expect((await control(mock, 'devices', { pem: device.pem })).status).toBe(200);
  expect((await control(mock, 'clock', { advanceMs: 3_600_000 })).status).toBe(200);
  await mock.kill9();
  mock = await startMock(['alibaba-mqtt'], ['--state', file, '--durable']);
  const devices = (await control(mock, 'state')).body.instances[0].CaCertificates[0].DeviceCertificates.map((d: { DeviceName: string }) => d.DeviceName);
  expect(devices.sort()).toEqual(['fixture-device', 'seeded-device']);
  expect((await control(mock, 'clock')).body.now - Date.now()).toBeGreaterThan(3_500_000);
  expect((await control(mock, 'reset', {})).status).toBe(200);
  await mock.kill9();
  mock = await startMock(['alibaba-mqtt'], ['--state', file, '--durable']);
  try {
    expect((await control(mock, 'state')).body.instances[0].CaCertificates).toEqual([]);
    expect(Math.abs((await control(mock, 'clock')).body.now - Date.now())).toBeLessThan(60_000);
  } finally {
    await mock.stop();
  }
  // A clean stop folds the log into the file.
  expect(existsSync(`${file}.log`)).toBe(false);
  expect(JSON.parse(readFileSync(file, 'utf8'))['alibaba-mqtt'].caCertificates).toBeUndefined();
});
