// The bare server with one duty more: every request's SigV4 signature is verified with the
// mock's own check (AWS's signer, mock/providers/aws-iot/auth.ts) before it answers `{}`
// (403 `{}` when the signature is wrong). Between this and the bare server lies what signature
// verification costs; between this and the mock, what routing, validation and the engine cost.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRequest, verifySignature } from '../../mock/providers/aws-iot/auth.ts';
import { MOCK_CREDENTIALS } from '../../mock/providers/aws-iot/credentials.ts';

const keys = new Map([[MOCK_CREDENTIALS.accessKeyId, MOCK_CREDENTIALS]]);

async function answer(req: IncomingMessage, res: ServerResponse, rawBody: Buffer) {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
  const wire = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, rawQuery: url.search.slice(1), headers, rawBody, origin: url.origin };
  const denied = await verifySignature(wire, checkRequest(wire, keys));
  res.writeHead(denied ? 403 : 200, { 'content-type': 'application/json', 'content-length': '2' }).end('{}');
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => void answer(req, res, Buffer.concat(chunks)));
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
process.once('SIGTERM', () => process.exit(0));
