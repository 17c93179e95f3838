import type { IncomingMessage, ServerResponse } from 'node:http';
import { specFile } from '../lib/paths.ts';
import { ApiError } from './host/api-error.ts';
import type { ProviderModule } from './host/types.ts';
import { startPrism, type PrismServer } from './prism.ts';
import { specRequestMapper } from './proxy/spec-request.ts';
import { forward, listen, outgoingOf, rawOf, readRequest, sendRaw } from './proxy/wire.ts';

export interface PrismFront {
  url: string;
  close(): Promise<void>;
}

/**
 * `certconform mock --engine prism` for one provider: Prism serves the spec on a free loopback
 * port, and this front listens where the user asked. The front exists for what Prism cannot do
 * itself: speak Alibaba RPC (mapped to the spec's `POST /<Action>` pseudo-paths, mapping errors
 * in Alibaba's dialect) and serve HTTPS for Azure with the stateful engine's TLS material, so a
 * client configured for one engine works against the other. Everything else passes unchanged.
 */
export async function startPrismFront(
  module: ProviderModule,
  opts: { host: string; port: number; tls?: { key: string; cert: string }; dynamic?: boolean },
): Promise<PrismFront> {
  let prism: Promise<PrismServer> | undefined;
  const toSpec = specRequestMapper(module);

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const read = await readRequest(req, opts.tls ? 'https' : 'http');
    if (read === 'too-large') {
      const wire = { method: req.method ?? 'GET', path: '/', query: new URLSearchParams(), headers: { host: req.headers.host ?? '' }, rawBody: Buffer.alloc(0), origin: '' };
      return sendRaw(res, rawOf(module.errorReply(module.invalid(undefined, ['the request body is too large']), wire)));
    }
    const mapped = toSpec(read.wire);
    if (mapped instanceof ApiError) return sendRaw(res, rawOf(module.errorReply(mapped, read.wire)));
    // Unmapped requests keep their raw request-target (query bytes exactly as sent).
    const out = mapped === read.wire ? read.outgoing : outgoingOf(mapped);
    sendRaw(res, await forward(new URL((await prism!).url), out));
  }

  // The documented port first: a port in use is reported at once, not after Prism's start-up.
  const front = await listen(handle, { host: opts.host, port: opts.port, tls: opts.tls });
  prism = startPrism(specFile(module.provider), { host: '127.0.0.1', port: 0, dynamic: opts.dynamic });
  const server = await prism.catch(async (e) => {
    await front.close();
    throw e;
  });
  return {
    url: front.url,
    close: async () => {
      await Promise.all([front.close(), server.stop()]);
    },
  };
}
