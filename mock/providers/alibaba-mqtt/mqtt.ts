import { X509Certificate } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer, type TLSSocket } from 'node:tls';
import { Aedes, type AuthenticateError } from 'aedes';
import { makeTlsMaterial } from '../../tls.ts';
import { enrolDevice } from './device.ts';
import { DEFAULT_INSTANCE_ID, type MqttState } from './state.ts';

export interface MqttListener {
  url: string;
  /** The CA that signed the listener's server certificate, for clients to trust. */
  caPem: string;
  close(): Promise<void>;
}

export interface MqttListenerOptions {
  /** Read on every connect: the control API's reset replaces the state object. */
  state: () => MqttState;
  instanceId?: string;
  host?: string;
  port?: number;
  /** After a device enrolled and before its CONNACK (`--state` saves the state here). */
  enrolled?: () => Promise<void>;
}

/** CONNACK "not authorized" (MQTT 3.1.1 return code 5). */
const refuse = (message: string): AuthenticateError => Object.assign(new Error(message), { returnCode: 5 as const });

/**
 * An MQTT-over-TLS broker (aedes) that does what ApsaraMQ for MQTT does on a certificate
 * connect: TLS asks for a client certificate (the handshake proves the key), the chain is
 * judged here, against the instance's registered active CAs, and a first connect registers
 * the device certificate (official-models.md §3.1). Anything else refuses the CONNECT.
 */
export async function startMqttListener(opts: MqttListenerOptions): Promise<MqttListener> {
  const instanceId = opts.instanceId ?? DEFAULT_INSTANCE_ID;
  const broker = new Aedes({
    authenticate: (client, _username, _password, done) => {
      const peer = (client.conn as TLSSocket).getPeerCertificate?.();
      if (!peer?.raw) return done(refuse('a device certificate is required'), false);
      const pem = new X509Certificate(peer.raw).toString();
      enrolDevice(opts.state(), instanceId, pem)
        .then(() => opts.enrolled?.())
        .then(
          () => done(null, true),
          (e: Error) => done(refuse(e.message), false), // EnrolError, the instance's ApiError, a failed save
        );
    },
  });
  await broker.listen();
  const tls = await makeTlsMaterial();
  // rejectUnauthorized false: Node would judge the chain against its own roots; the registered
  // CAs live in the engine, which judges it in authenticate().
  const server = createServer({ key: tls.keyPem, cert: tls.certPem, requestCert: true, rejectUnauthorized: false, noDelay: true }, (socket) => {
    broker.handle(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `mqtts://${opts.host ?? '127.0.0.1'}:${port}`,
    caPem: tls.caPem,
    close: () =>
      new Promise<void>((resolve) => {
        broker.close(() => server.close(() => resolve()));
      }),
  };
}
