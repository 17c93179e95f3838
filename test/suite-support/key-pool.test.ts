import { expect, test } from '@playwright/test';
import { webcrypto } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyPool } from '../../suites/support/certs/key-pool.ts';

const spki = async (k: CryptoKeyPair) => Buffer.from(await webcrypto.subtle.exportKey('spki', k.publicKey as webcrypto.CryptoKey)).toString('base64');

test('the pool hands out keys round-robin once full', async () => {
  const pool = new KeyPool({ size: 2, cacheDir: null });
  const keys = await Promise.all([1, 2, 3, 4].map(() => pool.get('EC-P256')));
  const ids = await Promise.all(keys.map(spki));
  expect(new Set(ids).size).toBe(2);
  expect(ids[2]).toBe(ids[0]);
  expect(ids[3]).toBe(ids[1]);
});

test('keys persist to the cache and a new pool starts warm with the same keys', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'certconform-keys-'));
  try {
    const first = new KeyPool({ size: 2, cacheDir: dir });
    const made = [await first.get('EC-P384'), await first.get('EC-P384')];
    await first.flush();
    const saved = JSON.parse(readFileSync(join(dir, 'EC-P384.json'), 'utf8')) as { keys: unknown[] };
    expect(saved.keys).toHaveLength(2);
    const second = new KeyPool({ size: 2, cacheDir: dir });
    const reused = [await second.get('EC-P384'), await second.get('EC-P384')];
    expect((await Promise.all(reused.map(spki))).sort()).toEqual((await Promise.all(made.map(spki))).sort());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a corrupt cache file is regenerated, never a crash', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'certconform-keys-'));
  try {
    for (const junk of ['not json', '{"keys":[{"pkcs8":"AAAA","spki":"AAAA"}]}', '{"keys":42}']) {
      writeFileSync(join(dir, 'EC-P256.json'), junk);
      const pool = new KeyPool({ size: 1, cacheDir: dir });
      const k = await pool.get('EC-P256');
      expect(k.privateKey.type).toBe('private');
      await pool.flush();
      expect((JSON.parse(readFileSync(join(dir, 'EC-P256.json'), 'utf8')) as { keys: unknown[] }).keys).toHaveLength(1);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
