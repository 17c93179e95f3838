import { readFileSync } from 'node:fs';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { SignableRequest } from '../signing/request.ts';
import { SetupError } from '../verdict/failure.ts';

export interface RawResponse {
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  text: string;
}

const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 16 });
const httpsAgents = new Map<string, HttpsAgent>();
function httpsAgent(caFile?: string): HttpsAgent {
  const key = caFile ?? '';
  let a = httpsAgents.get(key);
  if (!a) {
    let ca: string | undefined;
    try {
      ca = caFile ? readFileSync(caFile, 'utf8') : undefined;
    } catch (e) {
      throw new SetupError(`cannot read the CA file ${caFile}: ${(e as Error).message}`);
    }
    httpsAgents.set(key, (a = new HttpsAgent({ keepAlive: true, maxSockets: 16, ...(ca ? { ca } : {}) })));
  }
  return a;
}

/**
 * Sends one request exactly as given (the signers decided every header), over node:http(s)
 * with keep-alive, trusting `caFile` for https. A connection failure is a SetupError: the
 * target is not there, which says nothing about conformance.
 */
export function send(req: SignableRequest, opts: { caFile?: string; timeoutMs?: number } = {}, retried = false): Promise<RawResponse> {
  const url = new URL(req.url);
  const https = url.protocol === 'https:';
  const body = req.body === undefined ? undefined : typeof req.body === 'string' ? Buffer.from(req.body) : Buffer.from(req.body);
  const headers: Record<string, string> = { ...req.headers };
  if (body !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-length')) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const r = (https ? httpsRequest : httpRequest)(
      url,
      { method: req.method, headers, agent: https ? httpsAgent(opts.caFile) : httpAgent, timeout: opts.timeoutMs ?? 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const h: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, headers: h, text: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    // `timedOut` tells a caller (the preflight) that the time ran out, without reading the message.
    const late = () => Object.assign(new SetupError(`${req.method} ${url.origin}${url.pathname}: no answer within ${opts.timeoutMs ?? 30_000} ms`), { timedOut: true });
    r.on('timeout', () => r.destroy(late()));
    // The socket error's code stays on the SetupError: a refused or reset connection may mean the target died (reachability.ts).
    r.on('error', (e) => {
      // A kept-alive socket the server closed while idle fails the request before it was read
      // (node's documented race, see `request.reusedSocket`): send it once more.
      const code = (e as NodeJS.ErrnoException).code;
      if (r.reusedSocket && !retried && !(e instanceof SetupError) && (code === 'ECONNRESET' || code === 'EPIPE')) return resolve(send(req, opts, true));
      reject(e instanceof SetupError ? e : Object.assign(new SetupError(`${req.method} ${url.origin}${url.pathname}: ${(e as Error).message}`), { code: (e as NodeJS.ErrnoException).code }));
    });
    r.end(body);
  });
}
