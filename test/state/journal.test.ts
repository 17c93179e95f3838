import { expect, test } from '@playwright/test';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpec } from '../../lib/spec/load.ts';
import { Clock } from '../../mock/host/clock.ts';
import type { HostContext } from '../../mock/host/types.ts';
import * as engine from '../../mock/providers/aws-iot/engine.ts';
import type { IotState } from '../../mock/providers/aws-iot/state.ts';
import { loadProvider } from '../../mock/providers/index.ts';
import { encodeLine, readLog } from '../../mock/state/log-lines.ts';
import { openStore } from '../../mock/state/open.ts';
import { selfSigned } from '../../suites/support/certs/generate.ts';
import { removeTempDirsAfterEach, tempDir } from './temp-dirs.ts';

removeTempDirsAfterEach();

const dir = () => tempDir('cc-journal-');
const ctx = (): HostContext => ({ clock: new Clock(), spec: loadSpec('aws-iot') });
const where = { region: 'us-east-1', account: '123456789012' };
const pems = (n: number) => Promise.all(Array.from({ length: n }, () => selfSigned({ ca: false }).then((c) => c.pem)));

/** A durable aws-iot store on `file`, its live state and its persist hook. */
async function durable(file: string, compactAtBytes?: number) {
  const store = await openStore(file, true, ['aws-iot'], loadProvider, compactAtBytes);
  const hooks = store.persistence('aws-iot');
  const c = ctx();
  const state = (await hooks.load(c)) as IotState;
  return { store, state, persist: (readOnly = false) => hooks.persist(state, c, readOnly) };
}

/** What a restart on (copies of) the files would serve: each certificate id with its status. */
async function reopened(file: string): Promise<string[]> {
  const { store, state } = await durable(file);
  await store.close();
  return view(state);
}
const view = (state: IotState) => [...state.certificates.values()].map((c) => `${c.certificateId}:${c.status}`).sort();

/**
 * Copies of the state file and its log, as a kill -9 right now would leave them. The log goes
 * first: a compaction running meanwhile then yields an old log with the new file (the crash
 * between rename and truncation), never a new log with the old file, which no crash leaves.
 */
function crashCopy(file: string): string {
  const copy = join(dir(), 'state.json');
  copyFileSync(`${file}.log`, `${copy}.log`);
  copyFileSync(file, copy);
  return copy;
}

test('a torn last log line (a write the crash cut) is dropped; a damaged line before it is an error naming it', () => {
  const file = join(dir(), 'state.json.log');
  const line = encodeLine('aws-iot', { set: [['things/a', '{"thingName":"a"}']], del: [] });
  writeFileSync(file, `${line}${line.slice(0, 20)}`);
  expect(readLog(file)).toHaveLength(1);
  writeFileSync(file, `${line}${line.slice(0, -1)}`); // complete but for its newline: never acknowledged
  expect(readLog(file)).toHaveLength(1);
  writeFileSync(file, `${line}{"p":"aws-io\n${line}`);
  expect(() => readLog(file)).toThrow(/state\.json\.log line 2 is damaged/);
});

test('every persisted change survives a crash at any point, compaction included', async () => {
  const file = join(dir(), 'state.json');
  const { store, state, persist } = await durable(file, 4_000);
  const ids: string[] = [];
  let compactions = 0;
  let lastLog = 0;
  for (const [i, pem] of (await pems(12)).entries()) {
    const logBefore = statSync(`${file}.log`).size;
    // Adds, changes and removals, so that replaying old lines over newer state would show.
    ids.push(engine.registerWithoutCa(state, pem, 'ACTIVE', where, Date.now() / 1000).certificateId);
    if (i >= 1) engine.updateCertificate(state, ids[i - 1]!, 'INACTIVE', Date.now() / 1000);
    if (i >= 3) engine.deleteCertificate(state, ids[i - 3]!, false);
    await persist();
    if (logBefore < lastLog) compactions++; // compaction runs after the fsync its trigger waited for
    lastLog = statSync(`${file}.log`).size;
    expect(await reopened(crashCopy(file))).toEqual(view(state));
  }
  expect(compactions, 'the log was compacted').toBeGreaterThan(0);
  // A crash after compaction renamed the new file into place and before it emptied the log:
  // the whole old log is replayed over the state it already holds.
  const copy = crashCopy(file);
  const oldLog = readFileSync(`${copy}.log`, 'utf8');
  expect(readLog(`${copy}.log`).length).toBeGreaterThan(0);
  await (await openStore(copy, true, ['aws-iot'], loadProvider)).close(); // compacts the copy
  writeFileSync(`${copy}.log`, oldLog);
  expect(await reopened(copy)).toEqual(view(state));
  await store.close();
});

test('concurrent changes: every waiter resolves once its change is on disk, also when another line carried it', async () => {
  const file = join(dir(), 'state.json');
  const { store, state, persist } = await durable(file);
  const all = await pems(40);
  // Twenty changes first, then their twenty persists at once: the first line carries them all,
  // the others find nothing new yet must still wait for that line's fsync.
  for (const pem of all.slice(0, 20)) engine.registerWithoutCa(state, pem, 'INACTIVE', where, Date.now() / 1000);
  await Promise.all(all.slice(0, 20).map(() => persist()));
  expect(readLog(`${file}.log`).map((l) => l.delta.set.length)).toEqual([20]);
  // Twenty "requests" each changing, then persisting, without waiting for one another.
  await Promise.all(all.slice(20).map((pem) => (engine.registerWithoutCa(state, pem, 'INACTIVE', where, Date.now() / 1000), persist())));
  expect(readLog(`${file}.log`).reduce((n, l) => n + l.delta.set.length, 0)).toBe(40);
  // A read whose answer shows a change no request has saved yet waits until it is on disk.
  const { certificateId } = engine.registerWithoutCa(state, (await pems(1))[0]!, 'ACTIVE', where, Date.now() / 1000);
  await persist(true);
  expect(readFileSync(`${file}.log`, 'utf8')).toContain(certificateId);
  await store.close();
  expect(await reopened(file)).toHaveLength(41);
});
