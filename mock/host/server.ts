import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { loadSpec, type Spec } from '../../lib/spec/load.ts';
import { ApiError } from './api-error.ts';
import { Clock } from './clock.ts';
import { CONTROL_PREFIX, control, type ControlState } from './control.ts';
import { NO_FAULTS, pickFault, type Faults } from './faults.ts';
import { readInput } from './input.ts';
import { Router } from './router.ts';
import { checkReply } from './strict.ts';
import type { HostContext, ProviderModule, Reply, WireRequest } from './types.ts';

export interface ServeOptions {
  host?: string;
  port?: number;
  /** Validate every reply against the spec; a mismatch becomes a loud 500 (project tests). */
  strict?: boolean;
  /** Bodies above this are refused before parsing, so memory stays bounded. */
  maxBodyBytes?: number;
  tls?: { key: string; cert: string };
  /** Documented transient errors and latency injected into a share of requests. */
  faults?: Faults;
  /** The spec to route and validate against (default: the provider's; mutants pass a copy). */
  spec?: Spec;
}

export interface Served<S> {
  url: string;
  state: S;
  ctx: HostContext;
  server: Server;
  /** Problems strict mode found (also printed to stderr). */
  violations: string[];
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) resolve('too-large');
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: Reply, common: Record<string, string>) {
  const body = reply.body === undefined ? undefined : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...common,
    ...(body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    ...reply.headers,
  });
  res.end(body);
}

/** Serves one provider: spec routing and validation, the provider's auth, dialect and engine. */
export async function serve<S>(module: ProviderModule<S>, opts: ServeOptions = {}): Promise<Served<S>> {
  const spec = opts.spec ?? loadSpec(module.provider);
  const ctx: HostContext = { clock: new Clock(), spec };
  const router = new Router(spec);
  const violations: string[] = [];
  const live: ControlState<S> = { state: module.createState(ctx), faults: opts.faults ?? NO_FAULTS };
  const served = { ctx, violations } as Served<S>;
  Object.defineProperty(served, 'state', { get: () => live.state, enumerable: true });

  async function answer(wire: WireRequest): Promise<{ reply: Reply; opId?: string }> {
    const mapped = module.toSpecRequest ? module.toSpecRequest(wire) : wire;
    if (mapped instanceof ApiError) return { reply: module.errorReply(mapped, wire) };
    const match = router.match(mapped.method, mapped.path);
    if (match.kind !== 'found') return { reply: module.errorReply(module.unknownRoute(mapped), wire) };
    const { op } = match;
    try {
      if (live.faults.latencyMs) await new Promise((r) => setTimeout(r, live.faults.latencyMs));
      const fault = module.faults && pickFault(live.faults, mapped.headers['x-certconform-fault']);
      if (fault) throw module.faults![fault](op);
      const denied = await module.authenticate(mapped, op, ctx);
      if (denied) throw denied;
      const read = readInput(spec, op, mapped, match.params);
      if ('problems' in read) throw module.invalid(op, read.problems);
      const handler = module.handlers[op.operationId];
      if (!handler) throw module.unknownRoute(mapped);
      return { reply: await handler(read.input, live.state, ctx), opId: op.operationId };
    } catch (e) {
      if (e instanceof ApiError) return { reply: module.errorReply(e, wire), opId: op.operationId };
      throw e;
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const scheme = opts.tls ? 'https' : 'http';
    // The request-target is appended, never resolved: '//other.host/x' must stay a path on
    // this host, and a target or Host header that does not parse is the provider's 400.
    let url: URL;
    try {
      url = new URL(`${scheme}://${req.headers.host ?? 'localhost'}${req.url?.startsWith('/') ? req.url : '/'}`);
    } catch {
      url = new URL(`${scheme}://localhost/`);
      const wire: WireRequest = { method: req.method ?? 'GET', path: '/', query: url.searchParams, headers: {}, rawBody: Buffer.alloc(0), origin: url.origin };
      return send(res, module.errorReply(module.invalid(undefined, ['the request target or Host header is not a valid URL']), wire), {});
    }
    const raw = await readBody(req, opts.maxBodyBytes ?? DEFAULT_MAX_BODY);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const wire: WireRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers,
      rawBody: raw === 'too-large' ? Buffer.alloc(0) : raw,
      origin: url.origin,
    };
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      let body: unknown;
      try {
        body = raw !== 'too-large' && raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
      } catch {
        return send(res, { status: 400, body: { error: 'control bodies are JSON' } }, {});
      }
      const name = url.pathname.slice(CONTROL_PREFIX.length);
      return send(res, await control(module, live, ctx, wire.method, name, body), {});
    }
    let reply: Reply;
    let opId: string | undefined;
    try {
      if (raw === 'too-large') reply = module.errorReply(module.invalid(undefined, ['the request body is too large']), wire);
      else ({ reply, opId } = await answer(wire));
    } catch (e) {
      // A bug, not a documented outcome: say so loudly and answer in the dialect.
      console.error(`certconform mock (${module.provider}): unexpected error`, e);
      reply = module.errorReply(new ApiError(500, 'InternalError', 'unexpected mock error'), wire);
      violations.push(`${wire.method} ${wire.path}: unexpected error ${(e as Error).message}`);
    }
    if (opts.strict && opId) {
      const problems = checkReply(spec, opId, reply);
      if (problems.length) {
        const msg = `${wire.method} ${wire.path} -> ${reply.status}: ${problems.join('; ')}`;
        console.error(`certconform mock strict (${module.provider}): ${msg}`);
        violations.push(msg);
        reply = { status: 500, headers: { 'x-certconform-strict-violation': 'true' }, body: { strictViolation: problems } };
      }
    }
    send(res, reply, module.commonHeaders?.(wire) ?? {});
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    onRequest(req, res).catch((e) => {
      console.error(`certconform mock (${module.provider}): failed to answer`, e);
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
  const server = opts.tls ? createHttps({ key: opts.tls.key, cert: opts.tls.cert }, handler) : createHttp(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  served.url = `${opts.tls ? 'https' : 'http'}://${host}:${port}`;
  served.server = server;
  served.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    });
  return served;
}
