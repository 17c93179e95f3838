import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { selfSigned } from '../../suites/support/certs/generate.ts';
import { SetupError } from '../../suites/support/verdict/failure.ts';
import { awsCertificate, azureCertificate, huaweiCertificate, type Apis, type Resource } from './kill9-model.ts';
import { clientFor, startMock, stopMocksAfterEach, type MockProcess } from './mock-process.ts';
import { removeTempDirsAfterEach, tempDir } from './temp-dirs.ts';

// `certconform mock --state FILE --durable` under load, killed with SIGKILL at moments a
// seeded PRNG picks, restarted on the same file: every mutation a client was answered must
// be there (and the one request the kill left unanswered may or may not be).

removeTempDirsAfterEach();
stopMocksAfterEach();

const PROVIDERS = ['aws-iot', 'azure-keyvault', 'huawei-scm'] as const;
const CLIENTS = 4;
const ROUNDS = 4;
/** No new round starts after this (a round is a start-up, a burst of load, a kill). */
const BUDGET_MS = 30_000;

/** mulberry32: small, seedable, good enough to pick moments and operations. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const apisOf = (mock: MockProcess): Apis => ({ aws: clientFor(mock, 'aws-iot'), azure: clientFor(mock, 'azure-keyvault'), huawei: clientFor(mock, 'huawei-scm') });

/** One client: mutates its own resources one request at a time until the mock is gone. */
async function drive(resources: Resource[], apis: Apis, rand: () => number, count: { acked: number; unanswered: number }): Promise<void> {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  for (;;) {
    const r = pick(resources);
    const op = r.next(pick);
    r.maybe = op.maybe;
    try {
      r.acked = await op.send(apis);
    } catch (e) {
      if (!(e instanceof SetupError)) throw new Error(`${r.name} ${op.label}: ${(e as Error).message}`);
      count.unanswered++;
      return; // the mock is gone; this request may or may not have been applied
    }
    r.maybe = undefined;
    count.acked++;
  }
}

/** After a restart: each resource is as its last answered mutation left it, or as the unanswered one would. */
async function verify(resources: Resource[], apis: Apis): Promise<string[]> {
  const wrong: string[] = [];
  for (const r of resources) {
    const obs = await r.observe(apis);
    if (obs !== r.acked && !r.maybe?.(obs)) wrong.push(`${r.name}: acknowledged ${r.acked}, restarted state shows ${obs}`);
    r.acked = obs;
    r.maybe = undefined;
  }
  return wrong;
}

test('kill -9 at random moments under load loses no acknowledged mutation', async () => {
  test.setTimeout(120_000);
  const seed = Number(process.env.CERTCONFORM_KILL9_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`kill9: seed ${seed} (CERTCONFORM_KILL9_SEED=${seed} replays the kill moments and operations)`);
  const rand = prng(seed);
  const file = join(tempDir('cc-kill9-'), 'state.json');
  const owned: Resource[][] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const [a1, a2, az, h1, h2] = await Promise.all([0, 1, 2, 3, 4].map(() => selfSigned({ ca: false })));
    owned.push([
      awsCertificate(`aws c${c}/0`, a1!, `k9-thing-${c}`),
      awsCertificate(`aws c${c}/1`, a2!, `k9-thing-${c}`),
      azureCertificate(`k9-c${c}-a`, az!),
      azureCertificate(`k9-c${c}-b`, az!),
      huaweiCertificate(`k9-c${c}-s0`, h1!),
      huaweiCertificate(`k9-c${c}-s1`, h2!),
    ]);
  }
  const all = owned.flat();
  const started = Date.now();
  let mock = await startMock([...PROVIDERS], ['--state', file, '--durable']);
  let apis = apisOf(mock);
  for (let c = 0; c < CLIENTS; c++) expect((await apis.aws.call('CreateThing', { path: { thingName: `k9-thing-${c}` } })).status).toBe(200);
  let total = 0;
  for (let round = 1; round <= ROUNDS && Date.now() - started < BUDGET_MS; round++) {
    const count = { acked: 0, unanswered: 0 };
    const clients = owned.map((resources) => drive(resources, apis, rand, count));
    // The moment is counted from the first answer, so a slow start-up does not eat it.
    const killAfter = 50 + Math.floor(rand() * 1000);
    for (const until = Date.now() + 15_000; count.acked === 0 && Date.now() < until; ) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, killAfter));
    await mock.kill9();
    await Promise.all(clients);
    total += count.acked;
    console.log(`kill9: round ${round}: killed ${killAfter} ms after the first answer; ${count.acked} acknowledged mutations, ${count.unanswered} unanswered`);
    expect(existsSync(`${file}.log`)).toBe(true);
    mock = await startMock([...PROVIDERS], ['--state', file, '--durable']);
    apis = apisOf(mock);
    expect(await verify(all, apis), `seed ${seed}, round ${round}`).toEqual([]);
  }
  expect(await mock.stop()).toBe(0);
  expect(total, 'the load must have reached the mock').toBeGreaterThan(10);
});
