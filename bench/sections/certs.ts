import { webcrypto } from 'node:crypto';
import { algInfo, type KeyAlg } from '../../suites/support/certs/crypto.ts';
import { selfSigned } from '../../suites/support/certs/generate.ts';
import { KeyPool } from '../../suites/support/certs/key-pool.ts';
import type { BenchConfig } from '../config.ts';
import { fixed, type Row } from '../table.ts';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;

/** Certificates per second from a warm pool, one after another (what a suite's sequence does). */
async function pooledRate(alg: KeyAlg, count: number): Promise<number> {
  const pool = new KeyPool(); // the suites' pool and its on-disk key cache
  await selfSigned({ keyAlg: alg, pool, ca: false }); // loads (or makes) the pool's keys
  for (let i = 0; i < 4; i++) await selfSigned({ keyAlg: alg, pool, ca: false });
  const t = performance.now();
  for (let i = 0; i < count; i++) await selfSigned({ keyAlg: alg, pool, ca: false });
  return count / ((performance.now() - t) / 1000);
}

/** Mean milliseconds of a fresh key pair (what the pool saves). */
async function freshKeyMs(alg: KeyAlg, count: number): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < count; i++) await subtle.generateKey(algInfo(alg).generate, true, ['sign', 'verify']);
  return (performance.now() - t) / count;
}

/** DESIGN.md §7: >= 200 certificates per second with pooled keys. */
export async function certs(cfg: BenchConfig): Promise<Row[]> {
  const rows: Row[] = [];
  for (const alg of ['EC-P256', 'RSA-2048'] as const) {
    const rate = await pooledRate(alg, cfg.certs);
    const fresh = await freshKeyMs(alg, cfg.freshKeys);
    console.error(`  certificates ${alg}: ${rate.toFixed(0)}/s pooled, fresh key ${fresh.toFixed(1)} ms`);
    rows.push({ figure: `certificates/s, pooled ${alg} keys`, value: fixed(rate), target: '>= 200', met: rate >= 200 });
    rows.push({ figure: `fresh ${alg} key pair`, value: `${fixed(fresh, 1)} ms`, target: '' });
  }
  return rows;
}
