import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { ROOT } from '../../lib/paths.ts';
import { startChild, type Child } from './child.ts';

/** Where one provider (or the bare server) listens, as its JSON line says. */
export interface Endpoint {
  url: string;
  /** PEM of the CA of an https endpoint. */
  ca?: string;
  credentials: Record<string, string>;
}

export interface Servers {
  endpoints: Record<string, Endpoint>;
  /** The process serving them (for its CPU time). */
  pid: number;
  stop(): Promise<void>;
}

const CLI = join(ROOT, 'bin', 'certconform.mjs');
const TSX = ['--import', 'tsx'];

function endpoints(child: Child, key: (line: Record<string, unknown>) => string): Servers {
  const out: Record<string, Endpoint> = {};
  for (const l of child.lines) {
    const caFile = l.caFile as string | undefined;
    out[key(l)] = { url: String(l.url), credentials: (l.credentials ?? {}) as Record<string, string>, ...(caFile ? { ca: readFileSync(caFile, 'utf8') } : {}) };
  }
  return { endpoints: out, pid: child.pid, stop: child.stop };
}

/** The bare node:http (or node:https) server answering `{}`, under the key 'bare'. */
export async function startBare(tls: boolean): Promise<Servers> {
  return endpoints(await startChild([...TSX, join(ROOT, 'bench', 'servers', 'bare-server.ts'), ...(tls ? ['--tls'] : [])]), () => 'bare');
}

/**
 * The bare node:http server that first checks each request's SigV4 signature with the mock's
 * own check (AWS's signer): the ceiling for a server that must verify signatures.
 */
export async function startSignedBare(): Promise<Servers> {
  return endpoints(await startChild([...TSX, join(ROOT, 'bench', 'servers', 'signed-bare-server.ts')]), () => 'bare');
}

/** `certconform mock --json --port-base 0 [flags] providers...`, keyed by provider. */
export async function startMock(providers: string[], flags: string[] = [], nodeFlags: string[] = []): Promise<Servers> {
  const child = await startChild([...nodeFlags, CLI, 'mock', '--json', '--port-base', '0', ...flags, ...providers], providers.length, 120_000);
  return endpoints(child, (l) => String(l.provider));
}

/** POST /__certconform/reset: a fresh state before each measured load (the stateful engine only). */
export function reset(e: Endpoint): Promise<void> {
  const url = new URL('/__certconform/reset', e.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'POST', ...(e.ca ? { ca: e.ca } : {}) }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`reset ${e.url}: ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}
