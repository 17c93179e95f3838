import { selfSigned } from '../../suites/support/certs/generate.ts';
import { derToPem } from '../../suites/support/certs/fingerprint.ts';
import { KeyPool } from '../../suites/support/certs/key-pool.ts';

/** A fixed 8-byte serial, easy to find again in the DER. */
const MARK = 'c0ffee00c0ffee01';

/**
 * A million distinct certificates without a million signatures: one real self-signed EC
 * certificate whose serial bytes are rewritten with a counter. The AWS IoT engine identifies a
 * certificate by the SHA-256 of its DER and parses it, but checks no self-signature, so each
 * variant is a new certificate to it. (The suites send properly signed ones; this is for load.)
 */
export async function distinctCertificates(): Promise<(n: number) => string> {
  const template = await selfSigned({ serialNumber: MARK, pool: new KeyPool({ size: 1, cacheDir: null }) });
  const der = Buffer.from(template.der);
  const at = der.indexOf(Buffer.from(MARK, 'hex'));
  if (at < 0 || der.indexOf(Buffer.from(MARK, 'hex'), at + 1) >= 0) throw new Error('the template serial is not found exactly once');
  return (n: number) => {
    const variant = Buffer.from(der);
    variant.writeUInt32BE(n >>> 0, at + 4); // the serial's last 4 bytes: length and sign unchanged
    return derToPem(variant);
  };
}
