import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Replaces `file` with `text` so that a crash at any moment leaves either the old or the
 * new content, never a mix: write a temp file beside it, then rename over it. With `sync`,
 * the data and the rename are on disk (fsync of the file, then of the directory) on return.
 */
export async function writeAtomic(file: string, text: string, sync: boolean): Promise<void> {
  const tmp = `${file}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(text);
    if (sync) await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, file);
  if (sync) await syncDir(dirname(file));
}

/** Makes a rename in `dir` durable (POSIX keeps directory entries in the directory's own data). */
export async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
