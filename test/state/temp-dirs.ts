import { test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A fresh directory under os.tmpdir(), removed after the test unless it failed (kept to look at). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Call once per test file: registers the removal. */
export function removeTempDirsAfterEach(): void {
  test.afterEach(({}, info) => {
    const dirs = made.splice(0);
    if (info.status === info.expectedStatus) for (const d of dirs) rmSync(d, { recursive: true, force: true });
    else console.log(`kept for inspection: ${dirs.join(', ')}`);
  });
}
