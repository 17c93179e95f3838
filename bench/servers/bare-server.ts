// The ceiling: node:http (or node:https with --tls) answering `{}` to every request once its
// body has been read. Run as a child process; prints {"url","caFile"?} when it listens.
import { writeFileSync } from 'node:fs';
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTlsMaterial } from '../../mock/tls.ts';

const answer = (req: IncomingMessage, res: ServerResponse) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': '2' }).end('{}'));
};

const tls = process.argv.includes('--tls') ? await makeTlsMaterial() : undefined;
const server = tls ? createHttps({ key: tls.keyPem, cert: tls.certPem }, answer) : createHttp(answer);
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  const caFile = tls ? join(tmpdir(), `certconform-bench-ca-${process.pid}.pem`) : undefined;
  if (tls && caFile) writeFileSync(caFile, tls.caPem);
  console.log(JSON.stringify({ url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`, ...(caFile ? { caFile } : {}) }));
});
process.once('SIGTERM', () => process.exit(0));
