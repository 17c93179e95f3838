import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseProvider, type Provider } from '../lib/providers.ts';
import { loadProvider } from '../mock/providers/index.ts';
import { startProxy, type Proxy } from '../mock/proxy/proxy.ts';
import { formatViolation, type Violation } from '../mock/proxy/violations.ts';
import { makeTlsMaterial } from '../mock/tls.ts';

export interface ProxyCliOptions {
  upstream: string;
  port: string;
  host: string;
  reportDir: string;
  json?: boolean;
  keepHost?: boolean;
}

export const REPORT_FILE = 'proxy-violations.ndjson';

class UsageError extends Error {}

function parseArgs(name: string, opts: ProxyCliOptions): { provider: Provider; upstream: URL; port: number } {
  let provider: Provider;
  try {
    provider = parseProvider(name);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  let upstream: URL | undefined;
  try {
    upstream = new URL(opts.upstream);
  } catch {
    // reported below
  }
  if (!upstream || !['http:', 'https:'].includes(upstream.protocol) || upstream.search || upstream.hash) {
    throw new UsageError(`--upstream must be an http(s) base URL such as https://iot.eu-west-1.amazonaws.com, got '${opts.upstream}'`);
  }
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number (0: any free port), got '${opts.port}'`);
  return { provider, upstream, port };
}

/** Azure clients refuse bearer tokens over plain http: the proxy then serves HTTPS, as the mock does. */
async function tlsFor(provider: Provider) {
  const m = await makeTlsMaterial();
  const dir = join(tmpdir(), 'certconform-proxy');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `ca-${provider}-${process.pid}.pem`);
  writeFileSync(file, m.caPem);
  return { file, tls: { key: m.keyPem, cert: m.certPem } };
}

/**
 * `certconform proxy <provider> --upstream URL`: forwards every request to the upstream
 * unchanged and reports each contract violation Prism finds in the exchange, as a readable
 * line (stderr with --json, so stdout stays JSON) and as a JSON line in the report file.
 */
export async function proxyCommand(name: string, opts: ProxyCliOptions): Promise<number> {
  let proxy: Proxy;
  let args: ReturnType<typeof parseArgs>;
  let caFile: string | undefined;
  const report = join(resolve(opts.reportDir), REPORT_FILE);
  const print = opts.json ? (s: string) => console.error(s) : (s: string) => console.log(s);
  const onViolation = (v: Violation) => {
    print(`violation: ${formatViolation(v)}`);
    appendFileSync(report, `${JSON.stringify(v)}\n`);
  };
  try {
    args = parseArgs(name, opts);
    mkdirSync(resolve(opts.reportDir), { recursive: true });
    const module = await loadProvider(args.provider);
    const tls = module.tls ? await tlsFor(args.provider) : undefined;
    caFile = tls?.file;
    proxy = await startProxy(module, { upstream: args.upstream, host: opts.host, port: args.port, tls: tls?.tls, keepHost: opts.keepHost, onViolation });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const msg =
      err.code === 'EADDRINUSE'
        ? `port ${opts.port} is in use: stop what listens there or choose another --port (0: any free port)`
        : err.message;
    console.error(`certconform proxy: ${msg}`);
    return 2;
  }
  const line = { provider: args.provider, url: proxy.url, upstream: args.upstream.href, ...(caFile ? { caFile } : {}) };
  if (opts.json) console.log(JSON.stringify(line));
  else console.log(`certconform proxy (${args.provider}) ${proxy.url} -> ${args.upstream.href}${caFile ? ` ca=${caFile}` : ''}; violations are printed and appended to ${report}; Ctrl-C stops`);
  await new Promise<void>((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
  await proxy.close();
  return 0;
}
