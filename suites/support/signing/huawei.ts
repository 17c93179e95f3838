import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { header, queryOf, type SignableRequest } from './request.ts';

export interface HuaweiCredentials {
  ak: string;
  sk: string;
  /** Temporary credentials: sent as X-Security-Token and signed. */
  securityToken?: string;
  /** SCM is a global service: the SDK's GlobalCredentials send X-Domain-Id (signed). */
  domainId?: string;
  /** Regional services: BasicCredentials send X-Project-Id. */
  projectId?: string;
}

/** X-Sdk-Date format, `YYYYMMDDTHHMMSSZ`. */
const sdkDate = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

/** The body as the SDK would have held it: AKSKSigner hashes JSON.stringify(data). */
function sdkData(body: string): unknown {
  try {
    const parsed: unknown = JSON.parse(body);
    return JSON.stringify(parsed) === body ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * AK/SK `SDK-HMAC-SHA256` with the official AKSKSigner from @huaweicloud/huaweicloud-sdk-core
 * (the class HcClient calls; the package's index does not export it, hence the deep import).
 * Adds the headers the SDK's credentials add before signing (X-Sdk-Date, host, X-Domain-Id or
 * X-Project-Id, X-Security-Token) and Authorization.
 *
 * The signer hashes `JSON.stringify(data)`, so only a body that is its own canonical JSON can
 * be signed as payload. Any other body (non-JSON content type, or JSON written differently,
 * e.g. a deliberately malformed request) is sent with `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD`,
 * exactly what the SDK does for non-JSON content.
 */
export function signHuawei(req: SignableRequest, opts: { credentials: HuaweiCredentials; date?: Date }): SignableRequest {
  const url = new URL(req.url);
  const c = opts.credentials;
  // AKSKSigner looks up `host` and `X-Sdk-Date` by exact spelling: keep one copy of each.
  const own = Object.entries(req.headers).filter(([k]) => !/^(host|x-sdk-date)$/i.test(k));
  const host = header(req.headers, 'host');
  const headers: Record<string, string> = {
    ...(c.securityToken ? { 'X-Security-Token': c.securityToken } : {}),
    ...(c.domainId ? { 'X-Domain-Id': c.domainId } : {}),
    ...(c.projectId ? { 'X-Project-Id': c.projectId } : {}),
    ...Object.fromEntries(own),
    ...(host === undefined ? {} : { host }),
    'X-Sdk-Date': sdkDate(opts.date ?? new Date()),
  };
  const body = req.body === undefined ? '' : typeof req.body === 'string' ? req.body : new TextDecoder().decode(req.body);
  const contentType = header(headers, 'content-type');
  const jsonType = !contentType || contentType.toLowerCase() === 'application/json';
  const data = body === '' ? undefined : jsonType ? sdkData(body) : undefined;
  // The signer hashes nothing for a falsy `data` (null, false, 0, ""): such a body is unsigned too.
  if (body !== '' && !data) headers['X-Sdk-Content-Sha256'] = 'UNSIGNED-PAYLOAD';
  const credential = new BasicCredentials().withAk(c.ak).withSk(c.sk);
  const signed = AKSKSigner.sign(
    { endpoint: `${url.origin}${url.pathname}`, method: req.method.toUpperCase(), headers, queryParams: queryOf(url), data },
    credential,
  ) as Record<string, string>;
  return { ...req, headers: signed };
}

/** Token authentication (the documented one): just the IAM token in X-Auth-Token. */
export const withAuthToken = (req: SignableRequest, token: string): SignableRequest => ({
  ...req,
  headers: { ...req.headers, 'X-Auth-Token': token },
});
