import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/**
 * One entry of a zip archive, read through its central directory (stored or deflated, no
 * zip64): enough to look inside a Playwright blob report without a zip dependency.
 * Returns undefined when the archive has no such entry; throws when it is not a zip.
 */
export function readZipEntry(file: string, entry: string): Buffer | undefined {
  const zip = readFileSync(file);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip archive`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: damaged zip central directory`);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (name !== entry) continue;
    if (size === 0xffffffff) throw new Error(`${file}: ${entry} is a zip64 entry, which this reader does not handle`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    if (method === 0) return Buffer.from(data);
    if (method === 8) return inflateRawSync(data);
    throw new Error(`${file}: ${entry} uses zip compression method ${method}`);
  }
  return undefined;
}
