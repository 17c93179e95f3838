import { webcrypto } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../../../lib/paths.ts';
import { algInfo, type KeyAlg } from './crypto.ts';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;

export interface KeyPoolOptions {
  /** Distinct key pairs kept per algorithm; certificates reuse them round-robin. */
  size?: number;
  /** Where generated keys persist between runs (PKCS8 + SPKI); null keeps them in memory only. */
  cacheDir?: string | null;
}

interface Slots {
  loaded: Promise<void>;
  keys: Promise<CryptoKeyPair>[];
  next: number;
}

/**
 * Pre-generated key pairs per algorithm. A fresh RSA-2048 key costs ~300 ms, so certificates
 * share a few keys: a certificate's identity is its serial and subject, not its key.
 */
export class KeyPool {
  private readonly size: number;
  private readonly cacheDir: string | null;
  private readonly slots = new Map<KeyAlg, Slots>();
  private readonly writes = new Set<Promise<void>>();

  constructor(opts: KeyPoolOptions = {}) {
    this.size = Math.max(1, opts.size ?? 4);
    this.cacheDir = opts.cacheDir === undefined ? cacheDir('keys') : opts.cacheDir;
  }

  /** The next key pair for `alg`: generated lazily until the pool is full, then reused. */
  async get(alg: KeyAlg): Promise<CryptoKeyPair> {
    const s = this.slotsFor(alg);
    await s.loaded;
    if (s.keys.length < this.size) {
      const fresh = subtle.generateKey(algInfo(alg).generate, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
      s.keys.push(fresh);
      // A cache that cannot be written only costs the next run its warm start.
      const write = fresh.then(() => this.persist(alg, s)).catch(() => undefined);
      this.writes.add(write);
      void write.finally(() => this.writes.delete(write));
      return fresh;
    }
    return s.keys[s.next++ % s.keys.length]!;
  }

  /** Resolves once every cache write started so far has finished. */
  async flush(): Promise<void> {
    await Promise.all([...this.writes]);
  }

  private slotsFor(alg: KeyAlg): Slots {
    let s = this.slots.get(alg);
    if (!s) {
      s = { loaded: Promise.resolve(), keys: [], next: 0 };
      const slots = s;
      slots.loaded = this.load(alg).then((keys) => void slots.keys.push(...keys.map((k) => Promise.resolve(k))));
      this.slots.set(alg, s);
    }
    return s;
  }

  private file(alg: KeyAlg): string | null {
    return this.cacheDir === null ? null : join(this.cacheDir, `${alg}.json`);
  }

  /** Keys from the cache; a missing or corrupt file means "none" (it is rewritten later). */
  private async load(alg: KeyAlg): Promise<CryptoKeyPair[]> {
    const file = this.file(alg);
    if (!file) return [];
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { keys: { pkcs8: string; spki: string }[] };
      const params = algInfo(alg).generate;
      const keys = await Promise.all(
        saved.keys.slice(0, this.size).map(async (k) => ({
          privateKey: await subtle.importKey('pkcs8', Buffer.from(k.pkcs8, 'base64'), params, true, ['sign']),
          publicKey: await subtle.importKey('spki', Buffer.from(k.spki, 'base64'), params, true, ['verify']),
        })),
      );
      return keys;
    } catch {
      return [];
    }
  }

  /** Writes every key generated so far; temp file + rename so parallel workers never see half a file. */
  private async persist(alg: KeyAlg, s: Slots): Promise<void> {
    const file = this.file(alg);
    if (!file || !this.cacheDir) return;
    const pairs = await Promise.all(s.keys);
    const keys = await Promise.all(
      pairs.map(async (p) => ({
        pkcs8: Buffer.from(await subtle.exportKey('pkcs8', p.privateKey)).toString('base64'),
        spki: Buffer.from(await subtle.exportKey('spki', p.publicKey)).toString('base64'),
      })),
    );
    mkdirSync(this.cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, JSON.stringify({ alg, keys }));
    renameSync(tmp, file);
  }
}

/** The process-wide pool the suites share. */
export const keyPool = new KeyPool();
