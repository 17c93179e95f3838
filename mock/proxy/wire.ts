import { request as httpRequest, createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest, createServer as createHttps } from 'node:https';
import { isIP, type AddressInfo } from 'node:net';
import type { Reply, WireRequest } from '../host/types.ts';

/** Bodies are small (a PEM is at most 64 KiB); larger ones are refused, as the host does. */
export const MAX_BODY = 1024 * 1024;

/** A request as it will be sent on: `target` is the raw request-target, query bytes untouched. */
export interface Outgoing {
  method: string;
  target: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface RawReply {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

// Connection-level headers describe one hop; the body is re-sent whole with its own length.
const HOP = ['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-connection', 'expect', 'content-length'];
const dropHop = <T>(h: Record<string, T>) => Object.fromEntries(Object.entries(h).filter(([k]) => !HOP.includes(k.toLowerCase()))) as Record<string, T>;

/** Reads a request whole (or 'too-large' past MAX_BODY) as the host's WireRequest plus its raw target. */
export async function readRequest(req: IncomingMessage, scheme: string): Promise<{ wire: WireRequest; outgoing: Outgoing } | 'too-large'> {
  // Drained to the end even when too large, so that the client still reads the answer.
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size <= MAX_BODY) chunks.push(c);
  }
  if (size > MAX_BODY) return 'too-large';
  const target = req.url?.startsWith('/') ? req.url : '/';
  // Appended, never resolved (as in the host): '//x' stays a path on this host.
  let url: URL;
  try {
    url = new URL(`${scheme}://${req.headers.host ?? 'localhost'}${target}`);
  } catch {
    url = new URL(`${scheme}://localhost${target.replace(/[^\x21-\x7e]/g, '')}`);
  }
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
  const body = Buffer.concat(chunks);
  const method = req.method ?? 'GET';
  const wire: WireRequest = { method, path: url.pathname, query: url.searchParams, headers, rawBody: body, origin: url.origin };
  return { wire, outgoing: { method, target, headers, body } };
}

/** A mapped WireRequest as a request to send (the RPC pseudo-path form). */
export function outgoingOf(wire: WireRequest): Outgoing {
  const q = wire.query.toString();
  return { method: wire.method, target: `${wire.path}${q ? `?${q}` : ''}`, headers: wire.headers, body: wire.rawBody };
}

/**
 * Sends `out` to `base` (its path prefixed) and reads the reply whole. Host becomes the
 * upstream's unless `keepHost`: a signature that covers Host was made for the original one.
 */
export function forward(base: URL, out: Outgoing, opts: { keepHost?: boolean } = {}): Promise<RawReply> {
  const headers = dropHop(out.headers);
  if (out.body.length || 'content-length' in out.headers) headers['content-length'] = String(out.body.length);
  if (!opts.keepHost) delete headers.host;
  const path = `${base.pathname.replace(/\/$/, '')}${out.target}`;
  const send = base.protocol === 'https:' ? httpsRequest : httpRequest;
  // SNI names the upstream even when Host is kept (Node would take it from Host); none for an IP.
  const host = base.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const req = send(base, { method: out.method, path, headers, servername: isIP(host) ? '' : host }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers as RawReply['headers'], body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(out.body);
  });
}

/** A JSON Reply (the provider dialect's) as raw bytes. */
export function rawOf(reply: Reply): RawReply {
  const body = reply.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(reply.body));
  const type: Record<string, string> = reply.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' };
  return { status: reply.status, headers: { ...type, ...reply.headers }, body };
}

export function sendRaw(res: ServerResponse, raw: RawReply): void {
  res.writeHead(raw.status, { ...dropHop(raw.headers), 'content-length': String(raw.body.length) });
  res.end(raw.body);
}

export interface Listener {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Listens with `handle` (HTTPS with `tls`); a failure to answer is a bare 502, never a crash. */
export async function listen(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  opts: { host: string; port: number; tls?: { key: string; cert: string } },
): Promise<Listener> {
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e) => {
      console.error(`certconform: ${(e as Error).message}`);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end(`certconform: ${(e as Error).message}\n`);
      else res.end();
    });
  };
  const server = opts.tls ? createHttps({ key: opts.tls.key, cert: opts.tls.cert }, onRequest) : createHttp(onRequest);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    });
  return { url: `${opts.tls ? 'https' : 'http'}://${host}:${port}`, server, close };
}
