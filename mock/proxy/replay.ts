import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, sendRaw, type RawReply } from './wire.ts';

/** The header that tells the replay upstream which answer Prism is asking for. */
export const REPLAY_HEADER = 'x-certconform-replay';

export interface Ticket {
  id: string;
  /** True once Prism fetched the answer: its verdict is then about the real exchange. */
  readonly used: boolean;
  done(): void;
}

export interface Replay {
  url: string;
  /** Registers the upstream's real answer for one validation request. */
  expect(reply: RawReply): Ticket;
  close(): Promise<void>;
}

/**
 * The upstream Prism's proxy talks to: a loopback server that answers each request with the
 * answer the real implementation already gave (found by REPLAY_HEADER). Prism then judges the
 * request it saw and that real answer against the spec, and never reaches the implementation
 * itself, so the implementation receives exactly what the client sent (see proxy.ts).
 */
export async function startReplay(): Promise<Replay> {
  const pending = new Map<string, { reply: RawReply; used: boolean }>();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    for await (const _ of req); // Prism's copy of the request body is not needed
    const entry = pending.get(String(req.headers[REPLAY_HEADER]));
    if (!entry) return void res.writeHead(410, { 'content-type': 'text/plain' }).end('no such exchange\n');
    entry.used = true;
    sendRaw(res, entry.reply);
  }

  const server = await listen(handle, { host: '127.0.0.1', port: 0 });
  return {
    url: server.url,
    expect(reply) {
      const id = randomUUID();
      const entry = { reply, used: false };
      pending.set(id, entry);
      return {
        id,
        get used() {
          return entry.used;
        },
        done: () => void pending.delete(id),
      };
    },
    close: server.close,
  };
}
