import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { readyTarget } from '../../suites/support/target/ready.ts';
import { BIN, folderWith, startMock, withEnv, type MockLine } from '../preflight/harness.ts';

/** The environment without any provider's credentials, and a home with no config files. */
function bareEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(AWS_|AZURE_|ALIBABA_|HUAWEICLOUD_|CERTCONFORM_|NODE_EXTRA_CA_CERTS)/.test(k)));
  return { ...env, HOME: folderWith({}), ...extra };
}

/** `certconform run --target`: what a user sees, how long it took, and what the report folder holds after. */
function run(target: string, env: Record<string, string>, reportDir: string) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, 'run', '--target', target, '--report-dir', reportDir], { encoding: 'utf8', env: bareEnv(env), timeout: 60_000 });
  return { ...r, ms: Date.now() - started, files: readdirSync(reportDir).sort() };
}

const EARLIER = '{"earlier":"report"}';

function earlierReport(): string {
  const dir = folderWith({ 'conformance.json': EARLIER, 'index.html': '<p>earlier</p>' });
  return dir;
}

/** One line on stderr, the exit code 2, nothing written to the report folder. */
function expectSetupSentence(r: ReturnType<typeof run>, dir: string, sentence: RegExp, budgetMs: number): void {
  expect(r.status, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(sentence);
  expect(r.ms, `took ${r.ms} ms`).toBeLessThan(budgetMs);
  expect(r.files).toEqual(['conformance.json', 'index.html']);
  expect(readFileSync(join(dir, 'conformance.json'), 'utf8')).toBe(EARLIER);
}

test.describe.configure({ mode: 'serial' });

let mock: Awaited<ReturnType<typeof startMock>>;
const line = (p: string) => mock.lines.find((l) => l.provider === p) as MockLine;
test.beforeAll(async () => {
  mock = await startMock('aws-iot', 'azure-keyvault', 'alibaba-mqtt', 'huawei-scm');
});
test.afterAll(() => mock.stop());

test('wrong AWS keys against the mock: exit 2 in under 10 s, one sentence naming the variables, the earlier report untouched', () => {
  const dir = earlierReport();
  const r = run(`aws-iot=${line('aws-iot').url}`, { AWS_ACCESS_KEY_ID: 'wrong', AWS_SECRET_ACCESS_KEY: 'x' }, dir);
  expectSetupSentence(r, dir, /^certconform run: aws-iot@127\.0\.0\.1:\d+ rejected the credentials: 401 UnauthorizedException "[^"]+"; check AWS_ACCESS_KEY_ID\/AWS_SECRET_ACCESS_KEY \(environment variables, region us-east-1 by default\)$/, 10_000);
});

test('a wrong Alibaba secret in a credentials file: exit 2, the sentence names the file and profile', () => {
  const file = join(folderWith({ credentials: '[cc]\ntype = access_key\naccess_key_id = CERTCONFORMMOCKAKID\naccess_key_secret = wrong\n' }), 'credentials');
  const dir = earlierReport();
  const env = { ALIBABA_CLOUD_CREDENTIALS_FILE: file, ALIBABA_CLOUD_PROFILE: 'cc', ALIBABA_MQTT_INSTANCE_ID: line('alibaba-mqtt').credentials.instanceId! };
  const r = run(`alibaba-mqtt=${line('alibaba-mqtt').url}`, env, dir);
  const sentence = new RegExp(`^certconform run: alibaba-mqtt@127\\.0\\.0\\.1:\\d+ rejected the credentials: 40[03] SignatureDoesNotMatch "[^"]*"; check the keys of profile cc in ${file} \\(credentials file ${file} \\(profile cc\\)\\)$`);
  expectSetupSentence(r, dir, sentence, 10_000);
});

test('the right Alibaba keys in a credentials file pass the preflight against the mock (its signature check)', async () => {
  const { accessKeyId, accessKeySecret, instanceId } = line('alibaba-mqtt').credentials;
  const file = join(folderWith({ credentials: `[cc]\ntype = access_key\naccess_key_id = ${accessKeyId}\naccess_key_secret = ${accessKeySecret}\n` }), 'credentials');
  const vars = { ALIBABA_CLOUD_CREDENTIALS_FILE: file, ALIBABA_CLOUD_PROFILE: 'cc', ALIBABA_MQTT_INSTANCE_ID: instanceId, ALIBABA_CLOUD_ACCESS_KEY_ID: undefined, ALIBABA_CLOUD_ACCESS_KEY_SECRET: undefined };
  await withEnv(vars, async () => {
    const t = await readyTarget({ provider: 'alibaba-mqtt', name: 'mock', url: line('alibaba-mqtt').url }, { caHint: '' });
    expect(t.credentialSource).toBe(`credentials file ${file} (profile cc)`);
    expect(t.credentials).toMatchObject({ accessKeyId, instanceId });
  });
});

test('a wrong Huawei SK: exit 2 with the 401 and the variables to check', () => {
  const dir = earlierReport();
  const r = run(`huawei-scm=${line('huawei-scm').url}`, { HUAWEICLOUD_SDK_AK: line('huawei-scm').credentials.ak!, HUAWEICLOUD_SDK_SK: 'wrong' }, dir);
  expectSetupSentence(r, dir, /^certconform run: huawei-scm@127\.0\.0\.1:\d+ rejected the credentials: 401 APIG\.0301 "[^"]+"; check HUAWEICLOUD_SDK_AK\/HUAWEICLOUD_SDK_SK \(environment variables \(AK\/SK\)\)$/, 10_000);
});

test('azure-keyvault: an untrusted CA names NODE_EXTRA_CA_CERTS; no credential anywhere says what to set', () => {
  const dir = earlierReport();
  const url = line('azure-keyvault').url;
  const tls = run(`azure-keyvault=${url}`, { AZURE_KEYVAULT_TOKEN: 'any token' }, dir);
  expectSetupSentence(tls, dir, /^certconform run: azure-keyvault@127\.0\.0\.1:\d+: the TLS certificate of https:\/\/127\.0\.0\.1:\d+ is not signed by a CA this machine trusts \(\w+\); give its CA with NODE_EXTRA_CA_CERTS=ca\.pem$/, 10_000);
  const none = run(`azure-keyvault=${url}`, { NODE_EXTRA_CA_CERTS: line('azure-keyvault').caFile!, AZURE_TOKEN_CREDENTIALS: 'dev', PATH: '/usr/bin:/bin' }, dir);
  expectSetupSentence(none, dir, /^certconform run: azure-keyvault: no credentials found \(.*\); no token for https:\/\/vault\.azure\.net\/\.default from DefaultAzureCredential: sign in with az login, .*AZURE_KEYVAULT_TOKEN \(README "Running against other implementations"\)$/, 15_000);
});

test('a dead target (a closed port): exit 2 in under 5 s, one sentence, no report', async () => {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const dir = earlierReport();
  const r = run(`aws-iot=http://127.0.0.1:${port}`, { AWS_ACCESS_KEY_ID: 'AKIDX', AWS_SECRET_ACCESS_KEY: 'secret' }, dir);
  expectSetupSentence(r, dir, new RegExp(`^certconform run: aws-iot@127\\.0\\.0\\.1:${port}: nothing listens at http://127\\.0\\.0\\.1:${port} \\(connection refused\\); is the implementation running, and is the port right\\?$`), 5_000);
});

test('no AWS credentials anywhere: exit 2 saying what to set', () => {
  const dir = earlierReport();
  writeFileSync(join(dir, 'index.html'), '<p>earlier</p>');
  const r = run(`aws-iot=${line('aws-iot').url}`, { AWS_EC2_METADATA_DISABLED: 'true' }, dir);
  expectSetupSentence(r, dir, /^certconform run: aws-iot: no credentials found \(.+\); set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE .*$/, 15_000);
});

test("the built-in mock's own preflight (in the global setup): a mock slower than the preflight's limit is exit 2 with one sentence, no report written", () => {
  test.setTimeout(90_000);
  const dir = earlierReport();
  const r = spawnSync(process.execPath, [BIN, 'run', 'huawei-scm', '--report-dir', dir], {
    encoding: 'utf8',
    env: bareEnv({ CERTCONFORM_MOCK_ARGS: '--faults latency=6000ms' }),
    timeout: 80_000,
  });
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^certconform: huawei-scm@mock: no answer from http:\/\/127\.0\.0\.1:\d+ within 4 s; check the URL, a proxy or a firewall$/)]);
  expect(readdirSync(dir).sort()).toEqual(['conformance.json', 'index.html']);
  expect(readFileSync(join(dir, 'conformance.json'), 'utf8')).toBe(EARLIER);
});
