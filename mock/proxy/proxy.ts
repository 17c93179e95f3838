import type { IncomingMessage, ServerResponse } from 'node:http';
import { specFile } from '../../lib/paths.ts';
import { ApiError } from '../host/api-error.ts';
import type { ProviderModule, WireRequest } from '../host/types.ts';
import { startPrism, type PrismServer } from '../prism.ts';
import { redactTarget, secretsOf } from './redact.ts';
import { REPLAY_HEADER, startReplay } from './replay.ts';
import { specRequestMapper } from './spec-request.ts';
import { parseFindings, violation, type Exchange, type Violation } from './violations.ts';
import { forward, listen, outgoingOf, rawOf, readRequest, sendRaw, type Outgoing, type RawReply } from './wire.ts';

export interface ProxyOptions {
  upstream: URL;
  host: string;
  port: number;
  tls?: { key: string; cert: string };
  /** Send the client's Host on (for upstreams that check a signature covering Host). */
  keepHost?: boolean;
  /** Called for each violation before the client gets its answer. */
  onViolation(v: Violation): void;
}

export interface Proxy {
  url: string;
  close(): Promise<void>;
}

/**
 * A validating proxy in front of any implementation. Prism's own proxy would forward what it
 * validated: for Alibaba that is the pseudo-path form (`POST /<Action>`), which no real RPC
 * implementation serves, and for every provider a body Prism parsed and re-serialised (a
 * signed payload hash no longer matches). So this front forwards the client's request to the
 * upstream byte for byte, and then asks Prism, running as a proxy to a replay server
 * (replay.ts), to validate the spec-form request together with the upstream's real answer.
 * Prism never decides what the client receives: it always gets the upstream's answer.
 */
export async function startProxy(module: ProviderModule, opts: ProxyOptions): Promise<Proxy> {
  const toSpec = specRequestMapper(module);
  let prism: PrismServer | undefined;
  const replay = await startReplay();

  async function validate(wire: WireRequest, sent: Outgoing, reply: RawReply): Promise<Violation[]> {
    const secrets = secretsOf(wire);
    const mapped = toSpec(wire);
    const ex: Exchange = { provider: module.provider, method: wire.method, target: redactTarget(sent.target, secrets), status: reply.status };
    // An RPC request that maps to no operation has nothing Prism could check it against.
    if (mapped instanceof ApiError) return [violation(ex, { location: ['request'], code: mapped.code, message: mapped.message }, secrets)];
    if (mapped !== wire) ex.action = mapped.path.slice(1);
    const ticket = replay.expect(reply);
    const out = mapped === wire ? sent : outgoingOf(mapped);
    let verdict: RawReply;
    try {
      verdict = await forward(new URL(prism!.url), { ...out, headers: { ...out.headers, [REPLAY_HEADER]: ticket.id } });
    } finally {
      ticket.done();
    }
    let findings = parseFindings(verdict.headers['sl-violations']);
    // An upstream 501 makes Prism mock an answer instead; its response findings are about that.
    if (reply.status === 501) findings = findings.filter((f) => f.location?.[0] !== 'response');
    if (!ticket.used) {
      // Prism refused before forwarding (a GET with a body, an unparsable JSON body, ...).
      const why = verdict.body.toString('utf8').slice(0, 300);
      findings.push({ location: ['request'], severity: 'Error', code: 'not-validated', message: `Prism could not validate this exchange (${verdict.status}): ${why}` });
    }
    return findings.map((f) => violation(ex, f, secrets));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const read = await readRequest(req, opts.tls ? 'https' : 'http');
    if (read === 'too-large') {
      console.error(`certconform proxy: ${req.method} ${req.url?.split('?')[0]}: body over the proxy's 1 MiB limit, not forwarded`);
      const wire = { method: req.method ?? 'GET', path: '/', query: new URLSearchParams(), headers: { host: req.headers.host ?? '' }, rawBody: Buffer.alloc(0), origin: '' };
      return sendRaw(res, rawOf(module.errorReply(module.invalid(undefined, ['the request body is too large']), wire)));
    }
    let reply: RawReply;
    try {
      reply = await forward(opts.upstream, read.outgoing, { keepHost: opts.keepHost });
    } catch (e) {
      const tls = /CERT|SELF_SIGNED|VERIFY/.test(String((e as NodeJS.ErrnoException).code));
      const hint = tls ? ' (an upstream with a private CA: start the proxy with NODE_EXTRA_CA_CERTS=<its CA file>)' : '';
      throw new Error(`upstream ${opts.upstream.origin} did not answer: ${(e as Error).message}${hint}`);
    }
    try {
      for (const v of await validate(read.wire, read.outgoing, reply)) opts.onViolation(v);
    } catch (e) {
      console.error(`certconform proxy: could not validate ${read.wire.method} ${read.wire.path}: ${(e as Error).message}`);
    }
    sendRaw(res, reply);
  }

  // The user's port first: a port in use is reported at once, not after Prism's start-up.
  const front = await listen(handle, { host: opts.host, port: opts.port, tls: opts.tls }).catch(async (e) => {
    await replay.close();
    throw e;
  });
  try {
    prism = await startPrism(specFile(module.provider), { host: '127.0.0.1', port: 0, upstream: replay.url, cors: false });
  } catch (e) {
    await Promise.all([front.close(), replay.close()]);
    throw e;
  }
  return {
    url: front.url,
    close: async () => {
      await Promise.all([front.close(), replay.close(), prism!.stop()]);
    },
  };
}
