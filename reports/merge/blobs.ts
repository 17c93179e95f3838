import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { readRunMetadata, type RunMetadata } from '../run-metadata.ts';
import { readZipEntry } from './zip.ts';

/** A blob report a shard left, with the run info its config carried. */
export interface ShardBlob {
  file: string;
  shard: { current: number; total: number };
  run: RunMetadata;
}

/** Something about the blobs that a user must fix (exit 2), said in a sentence. */
export class BlobError extends Error {}

const BLOB_NAME = /^report(-[\w.-]+)?\.zip$/;

/** Blob zips anywhere under the dirs (a downloaded CI artifact may nest them); traces do not match. */
export function findBlobs(dirs: string[]): string[] {
  const found: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new BlobError(`${dir} is not a directory`);
    for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (BLOB_NAME.test(basename(f)) && statSync(join(dir, f)).isFile()) found.push(join(dir, f));
    }
  }
  if (!found.length) throw new BlobError(`no blob reports (report-<i>-of-<n>.zip) under ${dirs.join(', ')}: run each shard with \`certconform run --shard i/n --seed S\`, which writes them to <report-dir>/blob/`);
  return found.sort();
}

/** Reads the run info from a blob's recorded config (the `onConfigure` event of its report.jsonl). */
export function readBlob(file: string): ShardBlob {
  let jsonl: Buffer | undefined;
  try {
    jsonl = readZipEntry(file, 'report.jsonl');
  } catch (e) {
    throw new BlobError((e as Error).message);
  }
  if (!jsonl) throw new BlobError(`${file} is not a Playwright blob report (no report.jsonl inside)`);
  const lines = jsonl.toString('utf8').split('\n', 4);
  const configure = lines.map((l) => (l.includes('"onConfigure"') ? (JSON.parse(l) as { params: { config: { metadata?: Record<string, unknown> } } }) : undefined)).find(Boolean);
  const run = readRunMetadata(configure?.params.config.metadata);
  if (!run) throw new BlobError(`${file} is not from a certconform run (its config carries no certconform run info)`);
  const m = /^(\d+)\/(\d+)$/.exec(run.shard ?? '');
  if (!m) throw new BlobError(`${file} is not from a sharded run (certconform run --shard i/n)`);
  return { file, shard: { current: Number(m[1]), total: Number(m[2]) }, run };
}

/** The blobs must be the shards of one run, each once, none missing: else the merged report would lie. */
export function checkBlobs(blobs: ShardBlob[], cwd = process.cwd()): void {
  const where = (b: ShardBlob) => relative(cwd, b.file) || b.file;
  for (const key of ['seed', 'runId'] as const) {
    const values = new Map<string, string[]>();
    for (const b of blobs) values.set(String(b.run[key]), [...(values.get(String(b.run[key])) ?? []), where(b)]);
    if (values.size > 1) {
      const which = [...values].map(([v, files]) => `${key === 'seed' ? 'seed' : 'run id'} ${v} (${files.join(', ')})`).join('; ');
      throw new BlobError(`these blob reports come from different runs: ${which}. Merge the shards of one run (same --seed)`);
    }
  }
  const totals = new Set(blobs.map((b) => b.shard.total));
  if (totals.size > 1) throw new BlobError(`these shards split the run differently: ${blobs.map((b) => `${b.shard.current}/${b.shard.total} (${where(b)})`).join(', ')}`);
  const total = blobs[0]!.shard.total;
  for (let i = 1; i <= total; i++) {
    const same = blobs.filter((b) => b.shard.current === i);
    if (same.length > 1) throw new BlobError(`shard ${i}/${total} is there more than once: ${same.map(where).join(', ')}`);
    if (!same.length) throw new BlobError(`shard ${i}/${total} is missing (found ${blobs.map((b) => `${b.shard.current}/${total}`).join(', ')}): its rules would read as not run`);
  }
}
