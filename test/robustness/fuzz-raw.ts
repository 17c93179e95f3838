import { connect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/** What came back on one raw connection: a parsed HTTP response, or none and why. */
export interface RawResult {
  response?: { status: number; headers: Record<string, string>; body: string };
  /** 'answered' (a whole response arrived), 'closed' by the server, or 'hung' (neither in time). */
  end: 'answered' | 'closed' | 'hung';
}

/**
 * A complete HTTP/1.1 response at the start of `buf` (interim 1xx answers skipped), or
 * undefined while more is needed. `noBody`: the answer to HEAD, whose length describes nothing sent.
 */
function parse(buf: Buffer, noBody = false, closed = false): RawResult['response'] | undefined {
  const split = buf.indexOf('\r\n\r\n');
  if (split < 0) return undefined;
  const [line = '', ...lines] = buf.subarray(0, split).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(line)?.[1]);
  if (status >= 100 && status < 200) return parse(buf.subarray(split + 4), noBody, closed);
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  let rest = buf.subarray(split + 4);
  if (noBody) return { status, headers, body: '' };
  if (headers['transfer-encoding'] === 'chunked') {
    const parts: Buffer[] = [];
    for (;;) {
      const eol = rest.indexOf('\r\n');
      if (eol < 0) return undefined;
      const size = parseInt(rest.subarray(0, eol).toString('latin1'), 16);
      if (rest.length < eol + 2 + size + 2) return undefined;
      if (size === 0) return { status, headers, body: Buffer.concat(parts).toString('utf8') };
      parts.push(rest.subarray(eol + 2, eol + 2 + size));
      rest = rest.subarray(eol + 2 + size + 2);
    }
  }
  // No length and not chunked (an HTTP/1.0 answer): the body ends when the connection does.
  if (headers['content-length'] === undefined) return closed ? { status, headers, body: rest.toString('utf8') } : undefined;
  const length = Number(headers['content-length']);
  return rest.length < length ? undefined : { status, headers, body: rest.subarray(0, length).toString('utf8') };
}

export interface RawOptions {
  /** PEM of the CA to trust (https targets). */
  ca?: string;
  /** Half-close after the last chunk (a client that sent all it will send). */
  endAfter?: boolean;
  /** Pause between chunks (a slow client). */
  gapMs?: number;
  /** Give up after this long with 'hung'. */
  waitMs?: number;
  /** The request is HEAD: the answer has headers only. */
  head?: boolean;
  /** After the answer, keep reading until the server closes ('closed'), or 'hung' if it never does. */
  untilClose?: boolean;
}

/** Sends bytes over a fresh TCP or TLS connection and reads one response (or the close). */
export function rawExchange(baseUrl: string, chunks: (string | Buffer)[], opts: RawOptions = {}): Promise<RawResult> {
  const u = new URL(baseUrl);
  const socket: Socket =
    u.protocol === 'https:'
      ? tlsConnect({ host: u.hostname, port: Number(u.port), ca: opts.ca, servername: 'localhost' })
      : connect(Number(u.port), u.hostname);
  return new Promise((resolve) => {
    let buf = Buffer.alloc(0);
    const finish = (end: RawResult['end'], closed = false) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ response: parse(buf, opts.head, closed), end });
    };
    const timer = setTimeout(() => finish('hung'), opts.waitMs ?? 5_000);
    socket.on('data', (c: Buffer) => {
      buf = Buffer.concat([buf, c]);
      if (!opts.untilClose && parse(buf, opts.head)) finish('answered');
    });
    // EPIPE/ECONNRESET while still writing: the server answered early and closed (oversized bodies).
    const closed = () => finish(parse(buf, opts.head, true) && !opts.untilClose ? 'answered' : 'closed', true);
    socket.on('error', closed);
    socket.on('close', closed);
    const write = async () => {
      for (const c of chunks) {
        if (socket.destroyed) return;
        socket.write(c);
        if (opts.gapMs) await new Promise((r) => setTimeout(r, opts.gapMs));
      }
      if (opts.endAfter && !socket.destroyed) socket.end();
    };
    socket.once(u.protocol === 'https:' ? 'secureConnect' : 'connect', () => void write());
  });
}
