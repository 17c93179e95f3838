import { expect, test } from '@playwright/test';
import 'reflect-metadata';
import { join } from 'node:path';
import { loadSpec } from '../../lib/spec/load.ts';
import { selfSigned } from '../../suites/support/certs/generate.ts';
import { Checker } from '../../suites/support/checks/checker.ts';
import { ApiClient } from '../../suites/support/http/client.ts';
import { StepLog } from '../../suites/support/http/steps.ts';
import { WIRES } from '../../suites/support/http/wires/index.ts';
import { regionFromHost } from '../../suites/support/target/credentials/region.ts';
import { readyTarget } from '../../suites/support/target/ready.ts';
import { Verdicts } from '../../suites/support/verdict/recorder.ts';
import { folderWith, loopbackDns, startMock, withEnv } from './harness.ts';

test('aws-iot: the signing region is read from the host (endpoint, data endpoint, FIPS, China, VPC endpoint)', () => {
  const table: [string, string | undefined][] = [
    ['iot.eu-west-1.amazonaws.com', 'eu-west-1'],
    ['a1b2c3d4e5-ats.iot.ap-southeast-2.amazonaws.com', 'ap-southeast-2'],
    ['iot-fips.us-gov-west-1.amazonaws.com', 'us-gov-west-1'],
    ['iot.cn-north-1.amazonaws.com.cn', 'cn-north-1'],
    ['vpce-0123456789abcdef0-abcdefgh.iot.eu-central-1.vpce.amazonaws.com', 'eu-central-1'],
    ['IOT.EU-WEST-3.AMAZONAWS.COM', 'eu-west-3'],
    ['127.0.0.1', undefined],
    ['localhost', undefined],
    ['iot.example.com', undefined],
    ['s3.eu-west-1.amazonaws.com', undefined],
  ];
  for (const [host, region] of table) expect(regionFromHost(host), host).toBe(region);
});

// The mock verifies SigV4 with the key pair it knows and the scope the request names; the ARN
// it answers names the region of that scope: what the signature carried.
test('aws-iot: a profile of a fake shared credentials file signs for the region of an iot.<region> host; a wrong secret is one sentence', async () => {
  test.setTimeout(60_000);
  const mock = await startMock('aws-iot');
  const port = new URL(mock.lines[0]!.url).port;
  const key = 'aws_access_key_id = AKIDCERTCONFORMMOCK';
  const dir = folderWith({
    credentials: `[dev]\n${key}\naws_secret_access_key = certconform-mock-secret\n[bad]\n${key}\naws_secret_access_key = not-the-secret\n`,
    config: '[profile dev]\nregion = ap-south-1\n[profile bad]\nregion = ap-south-1\n',
  });
  const undo = loopbackDns('.amazonaws.com');
  const env = {
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_CONFIG_FILE: join(dir, 'config'), AWS_PROFILE: 'dev',
    AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_SESSION_TOKEN: undefined, AWS_REGION: undefined,
  };
  try {
    await withEnv(env, async () => {
      const host = 'iot.eu-west-1.amazonaws.com';
      const target = await readyTarget({ provider: 'aws-iot', name: host, url: `http://${host}:${port}` }, { caHint: '' });
      expect(target.credentialSource).toBe('profile dev (shared credentials file), region eu-west-1 from the host');
      const spec = loadSpec('aws-iot');
      const api = new ApiClient(target, spec, WIRES['aws-iot'], new Checker(spec, new Verdicts('aws-iot'), new StepLog()));
      const { pem } = await selfSigned({ subject: 'CN=region-from-host' });
      const ex = await api.call('RegisterCertificateWithoutCA', { body: { certificatePem: pem, status: 'INACTIVE' } });
      expect(ex.status, ex.text).toBe(200);
      expect((ex.body as { certificateArn: string }).certificateArn).toMatch(/^arn:aws:iot:eu-west-1:/);

      // A host that names no region: the profile's.
      const loop = await readyTarget({ provider: 'aws-iot', name: 'loopback', url: mock.lines[0]!.url }, { caHint: '' });
      expect(loop.credentialSource).toBe('profile dev (shared credentials file), region ap-south-1 from profile dev');
      await withEnv({ AWS_REGION: 'sa-east-1' }, async () => {
        const r = await readyTarget({ provider: 'aws-iot', name: 'loopback', url: mock.lines[0]!.url }, { caHint: '' });
        expect(r.credentials.region).toBe('sa-east-1');
      });

      await withEnv({ AWS_PROFILE: 'bad' }, async () => {
        const refused = readyTarget({ provider: 'aws-iot', name: host, url: `http://${host}:${port}` }, { caHint: '' });
        await expect(refused).rejects.toThrow(
          /^aws-iot@iot\.eu-west-1\.amazonaws\.com rejected the credentials: 401 UnauthorizedException "The request signature we calculated does not match.*"; check the keys of profile bad \(.*\) \(profile bad \(shared credentials file\), region eu-west-1 from the host\)$/,
        );
      });
    });
  } finally {
    undo();
    mock.stop();
  }
});
