import { signAlibabaV1, signAlibabaV3, type AlibabaCredentials } from '../../support/signing/alibaba.ts';
import type { SignableRequest } from '../../support/signing/request.ts';
import type { Target } from '../../support/target/targets.ts';
import { SIGNER_PARAMS } from './instance.ts';

/**
 * Re-shapes a request the harness signed (V1, everything in the query) into the other shapes
 * real clients send, signed again with the official signing code: used as `auth` tamper
 * functions. The harness's wire speaks only the query form.
 */
const credentials = (t: Target) => ({ accessKeyId: t.credentials.accessKeyId ?? '', accessKeySecret: t.credentials.accessKeySecret ?? '', securityToken: t.credentials.securityToken });

/** The action parameters of a signed request, without what the V1 signer added. */
function actionParams(req: SignableRequest): { origin: string; params: URLSearchParams } {
  const url = new URL(req.url);
  const params = new URLSearchParams();
  for (const [k, v] of url.searchParams) if (!SIGNER_PARAMS.includes(k) || k === 'Version') params.set(k, v);
  return { origin: url.origin, params };
}

/** pop-core's V1 POST: every parameter, Action included, in a form-urlencoded body. */
export const asFormV1 = (t: Target) => (req: SignableRequest): SignableRequest => {
  const { origin, params } = actionParams(req);
  const body = params.toString().replace(/\+/g, '%20');
  return signAlibabaV1({ method: 'POST', url: `${origin}/`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }, { credentials: credentials(t), placement: 'form' });
};

/** The same V1 query request, signed with another caller's AccessKey (a narrower RAM grant). */
export const signedBy = (c: AlibabaCredentials) => (req: SignableRequest): SignableRequest => {
  const { origin, params } = actionParams(req);
  const url = `${origin}/?${params.toString().replace(/\+/g, '%20')}`;
  return signAlibabaV1({ ...req, url }, { credentials: c });
};

/** openapi-client's V3: Action and Version as x-acs-* headers, ACS3-HMAC-SHA256 Authorization. */
export const asV3 = (t: Target, corrupt = false) => (req: SignableRequest): SignableRequest => {
  const { origin, params } = actionParams(req);
  const action = params.get('Action') ?? '';
  const version = params.get('Version') ?? '';
  params.delete('Action');
  params.delete('Version');
  const qs = params.toString().replace(/\+/g, '%20');
  const signed = signAlibabaV3({ method: 'POST', url: `${origin}/?${qs}`, headers: { 'x-acs-action': action, 'x-acs-version': version } }, { credentials: credentials(t) });
  if (!corrupt) return signed;
  const auth = signed.headers.Authorization ?? '';
  const flipped = auth.replace(/Signature=([0-9a-f]+)$/, (_m, hex: string) => `Signature=${hex.slice(0, -1)}${hex.endsWith('0') ? '1' : '0'}`);
  return { ...signed, headers: { ...signed.headers, Authorization: flipped } };
};

/** A V1 request whose Signature is well-formed base64 but wrong. */
export function wrongV1Signature(req: SignableRequest): SignableRequest {
  const url = new URL(req.url);
  const sig = url.searchParams.get('Signature') ?? '';
  url.searchParams.set('Signature', Buffer.from(Buffer.from(sig, 'base64').map((b) => b ^ 0x5a)).toString('base64'));
  return { ...req, url: url.toString() };
}
