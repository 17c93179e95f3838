import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { bodyBytes, header, queryOf, type SignableRequest } from './request.ts';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface AwsSignOptions {
  region: string;
  credentials: AwsCredentials;
  /** Signing name; AWS IoT's control plane is `iot`. */
  service?: string;
  /** Signing time (X-Amz-Date); defaults to now. Fixed in tests to compare with the SDK. */
  date?: Date;
}

/**
 * SHA-256 on node:crypto, the hash the SDK's Node runtime configures (@smithy/hash-node); the
 * pure-JS @aws-crypto/sha256-js (the browser runtime's) made signing twice as slow (bench/).
 */
class Sha256 extends Hash {
  constructor(secret?: ConstructorParameters<typeof Hash>[1]) {
    super('sha256', secret);
  }
}

/**
 * Signs with AWS's own SigV4 implementation (@smithy/signature-v4, the signer inside every
 * AWS SDK for JavaScript v3 client), configured as @aws-sdk/client-iot configures it:
 * path URI-escaped, x-amz-content-sha256 applied. Adds host, x-amz-date,
 * x-amz-content-sha256, x-amz-security-token (with a session token) and Authorization.
 */
export async function signAwsSigV4(req: SignableRequest, opts: AwsSignOptions): Promise<SignableRequest> {
  const url = new URL(req.url);
  const signer = new SignatureV4({
    service: opts.service ?? 'iot',
    region: opts.region,
    credentials: opts.credentials,
    sha256: Sha256,
    uriEscapePath: true,
    applyChecksum: true,
  });
  const headers = { ...req.headers };
  // The SDK's host header carries the port when it is not the scheme's default (URL.host does too).
  if (header(headers, 'host') === undefined) headers.host = url.host;
  const signed = await signer.sign(
    {
      method: req.method.toUpperCase(),
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: queryOf(url),
      headers,
      body: req.body === undefined ? undefined : bodyBytes(req.body),
    },
    { signingDate: opts.date ?? new Date() },
  );
  return { ...req, headers: signed.headers as Record<string, string> };
}
