import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ProviderModule, WireRequest } from './types.ts';

/** What the parser could make of a request it rejected: nothing (no method, path or headers). */
const NOTHING: WireRequest = { method: 'GET', path: '/', query: new URLSearchParams(), headers: {}, rawBody: Buffer.alloc(0), origin: '' };

/** Why node's parser refused a request, in words a client developer can act on. */
function reason(code: string | undefined, maxHeaderBytes: number): string {
  if (code === 'HPE_HEADER_OVERFLOW') return `the request line and headers exceed ${maxHeaderBytes} bytes`;
  if (code === 'HPE_INVALID_METHOD') return 'the request method is not an HTTP method';
  return `the request is not valid HTTP/1.1 (${code ?? 'parse error'})`;
}

/**
 * node:http's 'clientError' for one provider: HTTP the parser cannot read (bad request line,
 * unknown method, oversized headers, conflicting lengths) gets the provider's invalid-request
 * error in its dialect instead of node's bare 400/431, then the connection closes. A client
 * that timed out or went away gets nothing: the connection is closed.
 */
export function clientErrorHandler(module: ProviderModule<unknown>, maxHeaderBytes: number) {
  return (err: NodeJS.ErrnoException, socket: Duplex) => {
    // Mid-response (a pipelined request broke after an answer started), nothing can be added.
    const busy = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (!socket.writable || busy || err.code === 'ECONNRESET' || err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.destroy();
      return;
    }
    const reply = module.errorReply(module.invalid(undefined, [reason(err.code, maxHeaderBytes)]), NOTHING);
    const body = JSON.stringify(reply.body ?? {});
    const headers = {
      ...module.commonHeaders?.(NOTHING),
      ...reply.headers,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    };
    const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    socket.end(`HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? ''}\r\n${head}\r\n${body}`);
  };
}
