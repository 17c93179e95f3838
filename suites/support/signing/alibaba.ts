import { randomBytes } from 'node:crypto';
import openapiUtil from '@alicloud/openapi-util';
import { bodyBytes, header, type SignableRequest } from './request.ts';

// CommonJS package with `exports.default`: under ESM the class is the default's `default`.
const OpenApiUtil = openapiUtil.default;

export interface AlibabaCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** STS token: V1 sends it as SecurityToken, V3 as x-acs-security-token. */
  securityToken?: string;
}

export interface AlibabaSignOptions {
  credentials: AlibabaCredentials;
  /** Signing time; defaults to now. Tests fix it (and the nonce) to compare with the SDKs. */
  date?: Date;
  nonce?: string;
}

/** `YYYY-MM-DDThh:mm:ssZ` UTC without milliseconds: the format of Timestamp and x-acs-date. */
const timestamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const nonce = () => randomBytes(16).toString('hex');
const FORM = 'application/x-www-form-urlencoded';
const encode = (s: string) => OpenApiUtil.getEncodeParam(s);
const toForm = (p: Record<string, string>) => Object.entries(p).map(([k, v]) => `${encode(k)}=${encode(v)}`);

/**
 * RPC signature V1 (HMAC-SHA1): adds Timestamp, SignatureNonce, SignatureMethod,
 * SignatureVersion, AccessKeyId, SecurityToken and Signature. The signature itself is
 * @alicloud/openapi-util's `getRPCSignature` (what @alicloud/openapi-client's doRPCRequest
 * calls); it signs query and form parameters together, as pop-core and openapi-client do.
 * `placement` says where the added parameters go: the query (openapi-client) or a form
 * body (pop-core's POST, which sends every parameter in the body).
 */
export function signAlibabaV1(
  req: SignableRequest,
  opts: AlibabaSignOptions & { placement?: 'query' | 'form' },
): SignableRequest {
  const url = new URL(req.url);
  const c = opts.credentials;
  const isForm = (header(req.headers, 'content-type') ?? '').startsWith(FORM) && req.body !== undefined;
  const form: Record<string, string> = isForm
    ? Object.fromEntries(new URLSearchParams(new TextDecoder().decode(bodyBytes(req.body))))
    : {};
  const added: Record<string, string> = {
    Timestamp: timestamp(opts.date ?? new Date()),
    SignatureNonce: opts.nonce ?? nonce(),
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    AccessKeyId: c.accessKeyId,
    ...(c.securityToken ? { SecurityToken: c.securityToken } : {}),
  };
  const signed = { ...Object.fromEntries(url.searchParams), ...form, ...added };
  added.Signature = OpenApiUtil.getRPCSignature(signed, req.method.toUpperCase(), c.accessKeySecret);
  if (opts.placement === 'form') {
    const body = toForm({ ...form, ...added }).join('&');
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k.toLowerCase() !== 'content-type'));
    return { ...req, headers: { ...headers, 'content-type': FORM }, body };
  }
  const sep = url.search ? '&' : '?';
  return { ...req, url: `${url.origin}${url.pathname}${url.search}${sep}${toForm(added).join('&')}` };
}

/**
 * Signature V3 (ACS3-HMAC-SHA256, headers only): adds host, x-acs-date,
 * x-acs-signature-nonce, x-acs-content-sha256 (x-acs-accesskey-id and x-acs-security-token
 * with an STS token) and Authorization, computed by @alicloud/openapi-util's `getAuthorization`
 * and `hash`, as @alicloud/openapi-client's doRequest does. Action and version headers
 * (x-acs-action, x-acs-version) are the caller's: they name the operation, not the signature.
 */
export function signAlibabaV3(req: SignableRequest, opts: AlibabaSignOptions): SignableRequest {
  const url = new URL(req.url);
  const c = opts.credentials;
  const algorithm = 'ACS3-HMAC-SHA256';
  const payloadHash = OpenApiUtil.hexEncode(OpenApiUtil.hash(Buffer.from(bodyBytes(req.body)), algorithm));
  const headers: Record<string, string> = {
    ...(header(req.headers, 'host') === undefined ? { host: url.host } : {}),
    ...req.headers,
    'x-acs-date': timestamp(opts.date ?? new Date()),
    'x-acs-signature-nonce': opts.nonce ?? nonce(),
    'x-acs-content-sha256': payloadHash,
    ...(c.securityToken ? { 'x-acs-accesskey-id': c.accessKeyId, 'x-acs-security-token': c.securityToken } : {}),
  };
  const teaRequest = { pathname: url.pathname, method: req.method.toUpperCase(), query: Object.fromEntries(url.searchParams), headers };
  // getAuthorization reads only pathname, method, query and headers of the Tea request.
  headers.Authorization = OpenApiUtil.getAuthorization(
    teaRequest as unknown as Parameters<typeof OpenApiUtil.getAuthorization>[0],
    algorithm,
    payloadHash,
    c.accessKeyId,
    c.accessKeySecret,
  );
  return { ...req, headers };
}
