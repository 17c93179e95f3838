import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { loadSpec, type Spec } from '../../lib/spec/load.ts';
import { ApiError } from './api-error.ts';
import { readBody } from './body.ts';
import { clientErrorHandler } from './client-error.ts';
import { Clock } from './clock.ts';
import { CONTROL_PREFIX, control, type ControlState } from './control.ts';
import { NO_FAULTS, pickFault, type Faults } from './faults.ts';
import { readInput } from './input.ts';
import { DEFAULT_LIMITS, serverOptions, type Limits } from './limits.ts';
import { Router } from './router.ts';
import { checkReply } from './strict.ts';
import { wellEncoded } from './target.ts';
import type { HostContext, Persistence, ProviderModule, Reply, WireRequest } from './types.ts';
import type { Vary } from '../vary/vary.ts';

export interface ServeOptions {
  host?: string;
  port?: number;
  /** Validate every reply against the spec; a mismatch becomes a loud 500 (project tests). */
  strict?: boolean;
  /** Bodies above this are refused before parsing, so memory stays bounded (= limits.maxBodyBytes). */
  maxBodyBytes?: number;
  /** Body, header, timeout and JSON-depth limits (limits.ts); unset ones keep their defaults. */
  limits?: Partial<Limits>;
  tls?: { key: string; cert: string };
  /** Documented transient errors and latency injected into a share of requests. */
  faults?: Faults;
  /** The spec to route and validate against (default: the provider's; mutants pass a copy). */
  spec?: Spec;
  /** `certconform mock --state`: the state to start with, and where each change goes before its reply. */
  persistence?: Persistence<unknown>;
  /** `certconform mock --vary`: documented alternatives chosen around the engine (mock/vary/). */
  vary?: Vary;
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

/** Statuses that carry no body and must not declare a length (RFC 9110 §8.6). */
const BODILESS = new Set([204, 304]);

function send(res: ServerResponse, reply: Reply, common: Record<string, string>, vary?: Vary) {
  const body = reply.body === undefined ? undefined : JSON.stringify(reply.body);
  // The length up front, as the providers send it: with writeHead and no length node frames
  // the reply as chunked, several writes instead of one.
  const framing: Record<string, string> =
    body !== undefined
      ? { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) }
      : BODILESS.has(reply.status) ? {} : { 'content-length': '0' };
  const headers = { ...common, ...framing, ...reply.headers };
  res.writeHead(reply.status, vary ? vary.headers(headers) : headers);
  res.end(body);
}

/** Serves one provider: spec routing and validation, the provider's auth, dialect and engine. */
export async function serve<S>(module: ProviderModule<S>, opts: ServeOptions = {}): Promise<Served<S>> {
  const spec = opts.spec ?? loadSpec(module.provider);
  const ctx: HostContext = { clock: new Clock(), spec };
  const router = new Router(spec);
  const violations: string[] = [];
  const live: ControlState<S> = { state: opts.persistence ? ((await opts.persistence.load(ctx)) as S) : module.createState(ctx), faults: opts.faults ?? NO_FAULTS, vary: opts.vary };

  /** With --state, before every reply; which requests may have changed the state comes from the method. */
  async function persisted(method: string, reply: Reply, failed: (message: string) => Reply): Promise<Reply> {
    if (!opts.persistence) return reply;
    try {
      await opts.persistence.persist(live.state, ctx, ['GET', 'HEAD', 'OPTIONS'].includes(method));
      return reply;
    } catch (e) {
      console.error(`certconform mock (${module.provider}): ${(e as Error).message}`);
      return failed(`the mock could not save its state: ${(e as Error).message}`);
    }
  }
  const served = { ctx, violations } as Served<S>;
  const limits: Limits = { ...DEFAULT_LIMITS, ...opts.limits, ...(opts.maxBodyBytes ? { maxBodyBytes: opts.maxBodyBytes } : {}) };
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
      const read = readInput(spec, op, mapped, match.params, limits.maxJsonDepth);
      if ('problems' in read) throw module.invalid(op, read.problems);
      const handler = module.handlers[op.operationId];
      if (!handler) throw module.unknownRoute(mapped);
      const varied = opts.vary?.beforeHandler(op, read.input);
      if (varied) throw varied;
      return { reply: await handler(read.input, live.state, ctx), opId: op.operationId };
    } catch (e) {
      if (e instanceof ApiError) return { reply: module.errorReply(opts.vary ? opts.vary.error(op, e) : e, wire), opId: op.operationId };
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
      if (!wellEncoded(req.url ?? '/')) throw new URIError('malformed percent-encoding');
      if (req.headers.host === undefined && req.httpVersion === '1.1') throw new URIError('HTTP/1.1 requires Host');
    } catch {
      url = new URL(`${scheme}://localhost/`);
      const wire: WireRequest = { method: req.method ?? 'GET', path: '/', query: url.searchParams, headers: {}, rawBody: Buffer.alloc(0), origin: url.origin };
      return send(res, module.errorReply(module.invalid(undefined, ['the request target or Host header is missing, not a valid URL, or percent-encodes bytes that are not UTF-8']), wire), module.commonHeaders?.(wire) ?? {});
    }
    const raw = await readBody(req, limits.maxBodyBytes);
    if (raw === 'aborted') return void req.socket.destroy(); // the client left: no one to answer
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const wire: WireRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      rawQuery: url.search.slice(1),
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
      const answered = await control(module, live, ctx, wire.method, name, body);
      return send(res, await persisted(wire.method, answered, (error) => ({ status: 500, body: { error } })), {});
    }
    let reply: Reply;
    let opId: string | undefined;
    try {
      if (raw === 'too-large') {
        // Answer, then close: node discards the rest instead of reading it (limits.ts).
        const tooLarge = module.errorReply(module.invalid(undefined, [`the request body exceeds ${limits.maxBodyBytes} bytes`]), wire);
        reply = { ...tooLarge, headers: { ...tooLarge.headers, connection: 'close' } };
      } else ({ reply, opId } = await answer(wire));
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
    reply = await persisted(wire.method, reply, (m) => module.errorReply(new ApiError(500, 'InternalError', m), wire));
    send(res, reply, module.commonHeaders?.(wire) ?? {}, opts.vary);
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    onRequest(req, res).catch((e) => {
      console.error(`certconform mock (${module.provider}): failed to answer`, e);
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
  const options = serverOptions(limits);
  const server = opts.tls ? createHttps({ key: opts.tls.key, cert: opts.tls.cert, ...options }, handler) : createHttp(options, handler);
  server.on('clientError', clientErrorHandler(module as ProviderModule<unknown>, limits.maxHeaderBytes));
  // An Expect other than 100-continue: answered as usual (RFC 9110 allows it) instead of node's 417.
  server.on('checkExpectation', handler);
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
