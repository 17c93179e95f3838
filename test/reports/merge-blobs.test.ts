import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobError, checkBlobs, readBlob, type ShardBlob } from '../../reports/merge/blobs.ts';

const tool = { name: 'certconform', version: '0.1.0' };
const blob = (current: number, total: number, seed = 7, runId = 's7', file = `/ci/shard${current}/blob/report-${current}-of-${total}.zip`): ShardBlob => ({
  file, shard: { current, total }, run: { tool, seed, runId, shard: `${current}/${total}` },
});
const why = (blobs: ShardBlob[]) => {
  try {
    checkBlobs(blobs, '/ci');
  } catch (e) {
    expect(e).toBeInstanceOf(BlobError);
    return (e as Error).message;
  }
  return 'accepted';
};

test('the shards of one run, each once, are accepted in any order', () => {
  expect(why([blob(2, 3), blob(3, 3), blob(1, 3)])).toBe('accepted');
  expect(why([blob(1, 1)])).toBe('accepted');
});

test('blobs of different runs, splits, twice the same shard or a missing one are refused, naming the files', () => {
  expect(why([blob(1, 2), blob(2, 2, 8)])).toBe(
    'these blob reports come from different runs: seed 7 (shard1/blob/report-1-of-2.zip); seed 8 (shard2/blob/report-2-of-2.zip). Merge the shards of one run (same --seed)',
  );
  expect(why([blob(1, 2), blob(2, 2, 7, 'r1')])).toContain('run id s7 (shard1/blob/report-1-of-2.zip); run id r1 (shard2/blob/report-2-of-2.zip)');
  expect(why([blob(1, 2), blob(2, 3)])).toContain('split the run differently: 1/2 (shard1/blob/report-1-of-2.zip), 2/3');
  expect(why([blob(1, 2), blob(1, 2, 7, 's7', '/ci/again/report-1-of-2.zip'), blob(2, 2)])).toBe('shard 1/2 is there more than once: shard1/blob/report-1-of-2.zip, again/report-1-of-2.zip');
  expect(why([blob(1, 3), blob(3, 3)])).toBe('shard 2/3 is missing (found 1/3, 3/3): its rules would read as not run');
});

test('a file that is not a zip, or not a blob, is a clear error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-blob-'));
  const notZip = join(dir, 'report-1-of-2.zip');
  writeFileSync(notZip, 'hello');
  expect(() => readBlob(notZip)).toThrow(`${notZip} is not a zip archive`);
  // An empty zip: just the end-of-central-directory record.
  const empty = join(dir, 'report-2-of-2.zip');
  writeFileSync(empty, Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]));
  expect(() => readBlob(empty)).toThrow('is not a Playwright blob report (no report.jsonl inside)');
  rmSync(dir, { recursive: true, force: true });
});
