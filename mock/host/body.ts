import type { IncomingMessage } from 'node:http';

/** A request body, or why there is none to answer: over the limit, or the client went away. */
export type Body = Buffer | 'too-large' | 'aborted';

/**
 * Reads a body up to `limit` bytes. A declared Content-Length over the limit is refused before
 * a byte is read; a chunked body stops being kept at the limit. Either way the caller answers
 * and closes the connection (node discards what is still in flight), so memory stays bounded.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  if (Number(req.headers['content-length']) > limit) return Promise.resolve('too-large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= limit) return void chunks.push(c);
      req.off('data', onData);
      chunks.length = 0;
      resolve('too-large');
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    // A client that disconnects mid-body gets no answer (there is no one to read it); after
    // 'end' these are no-ops, the promise being settled.
    req.on('error', () => resolve('aborted'));
    req.on('close', () => resolve('aborted'));
  });
}
