/**
 * Framing: how a request's head and body become bytes on the wire, including the broken ways
 * (a body shorter than declared, a bad chunk size, two lengths, length and chunked together).
 */
export type Framing = 'length' | 'chunked' | 'oversize-length' | 'oversize-chunked' | 'truncated' | 'bad-chunk' | 'dup-length' | 'length-and-chunked';

/** Framings that are not HTTP/1.1 a server can read: a closed connection is an acceptable answer. */
export const BROKEN_FRAMING = new Set<Framing>(['truncated', 'bad-chunk', 'dup-length', 'length-and-chunked']);

export interface Head {
  method: string;
  target: string;
  version: string;
  headers: [string, Buffer][];
}

const chunk = (b: Buffer) => Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')]);

/** The request as chunks of bytes (the head, then the body, possibly in several writes). */
export function frame(head: Head, body: Buffer | undefined, framing: Framing, maxBodyBytes: number): Buffer[] {
  const extra: [string, string][] = [];
  let payload: Buffer[] = [];
  const data = body ?? Buffer.alloc(0);
  const big = () => Buffer.alloc(maxBodyBytes + 1 + (data.length % 4096), 0x78);
  switch (framing) {
    case 'length':
      if (body !== undefined) extra.push(['content-length', String(data.length)]);
      payload = [data];
      break;
    case 'chunked': {
      extra.push(['transfer-encoding', 'chunked']);
      const half = data.length >> 1;
      payload = [chunk(data.subarray(0, half)), ...(data.length - half ? [chunk(data.subarray(half))] : []), Buffer.from('0\r\n\r\n')];
      break;
    }
    case 'oversize-length': {
      const b = big();
      extra.push(['content-length', String(b.length)]);
      payload = [b.subarray(0, 16_384), b.subarray(16_384)];
      break;
    }
    case 'oversize-chunked': {
      const b = big();
      extra.push(['transfer-encoding', 'chunked']);
      payload = [chunk(b.subarray(0, 16_384)), chunk(b.subarray(16_384)), Buffer.from('0\r\n\r\n')];
      break;
    }
    case 'truncated':
      extra.push(['content-length', String(data.length + 10)]);
      payload = [data];
      break;
    case 'bad-chunk':
      extra.push(['transfer-encoding', 'chunked']);
      payload = [Buffer.from('zz\r\n'), data, Buffer.from('\r\n0\r\n\r\n')];
      break;
    case 'dup-length':
      extra.push(['content-length', String(data.length)], ['content-length', String(data.length + 1)]);
      payload = [data];
      break;
    case 'length-and-chunked':
      extra.push(['content-length', String(data.length)], ['transfer-encoding', 'chunked']);
      payload = [data];
      break;
  }
  const lines = [...head.headers, ...extra.map(([k, v]) => [k, Buffer.from(v)] as [string, Buffer])].map(([k, v]) =>
    Buffer.concat([Buffer.from(`${k}: `, 'latin1'), v, Buffer.from('\r\n')]),
  );
  const start = Buffer.from(`${head.method} ${head.target} ${head.version}\r\n`, 'latin1');
  return [Buffer.concat([start, ...lines, Buffer.from('\r\n')]), ...payload.filter((p) => p.length)];
}
