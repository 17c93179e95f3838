import type { Operation } from '../../../lib/spec/operations.ts';
import { validatorFor } from '../../../lib/spec/validator.ts';
import type { ApiError } from '../../host/api-error.ts';
import type { HostContext, WireRequest } from '../../host/types.ts';
import { parseAuthorization, signatureMatches } from './aksk.ts';
import { defaultCredentials, defaultTokenGrants, type HuaweiScmOptions } from './config.ts';
import { accessDenied, authenticationFailed, permissionDenied } from './errors.ts';

const SDK_DATE_RE = /^\d{8}T\d{6}Z$/;

/**
 * The IAM action an operation needs, where the sources name it: DeleteCertificate's page,
 * "Authorization Information" (scm:cert:delete, Write, resource cert). A caller whose grant
 * lacks it is refused with 403 before the engine sees the request, so nothing changes.
 */
const ACTIONS: Record<string, string> = { DeleteCertificate: 'scm:cert:delete' };

function authorize(op: Operation, lacks: string[] | undefined): ApiError | undefined {
  const action = ACTIONS[op.operationId];
  return action && lacks?.includes(action) ? permissionDenied(action) : undefined;
}

/**
 * X-Auth-Token (the documented header) as the operation's parameter schema constrains it;
 * a token out of range is an authentication failure (rule HWSCM-AUTH-002 accepts 401).
 */
function checkToken(token: string, op: Operation, ctx: HostContext, allowed?: Set<string>): ApiError | undefined {
  const param = op.parameters.find((p) => p.in === 'header' && p.name.toLowerCase() === 'x-auth-token');
  if (param) {
    const verdict = validatorFor(ctx.spec).validate(param.schemaAt, token);
    if (!verdict.ok) return authenticationFailed(`X-Auth-Token ${verdict.errors.map((e) => e.replace(/^\(root\) /, '')).join('; ')}`);
  }
  if (allowed && !allowed.has(token)) return authenticationFailed('decrypt token fail');
  return undefined;
}

/**
 * Either credential authenticates (reference §4.3 item 2): the documented X-Auth-Token, or
 * the AK/SK signature the official SDKs send instead. A token, when present, decides.
 */
export function authenticator(options: HuaweiScmOptions) {
  const grants = new Map((options.tokenGrants ?? defaultTokenGrants()).map((g) => [g.token, g.lacks]));
  // A narrow token authenticates like any listed one; its grant is checked after.
  const allowedTokens = options.tokens && new Set([...options.tokens, ...grants.keys()]);
  const credentials = new Map((options.credentials ?? defaultCredentials()).map((c) => [c.ak, c]));

  function checkSignature(req: WireRequest, authorization: string, op: Operation): ApiError | undefined {
    const claim = parseAuthorization(authorization);
    if (typeof claim === 'string') return authenticationFailed(claim);
    const credential = credentials.get(claim.ak);
    if (!credential) return authenticationFailed('Get secretKey failed, err:ak not exist');
    const date = req.headers['x-sdk-date'];
    if (!date || !SDK_DATE_RE.test(date) || !claim.signedHeaders.includes('x-sdk-date')) {
      return authenticationFailed('X-Sdk-Date (YYYYMMDDTHHMMSSZ) must be sent and signed');
    }
    const missing = claim.signedHeaders.filter((h) => req.headers[h] === undefined);
    if (missing.length) return authenticationFailed(`signed headers not sent: ${missing.join(', ')}`);
    if (!signatureMatches(req, claim, credential.sk, date)) return authenticationFailed('verify aksk signature fail');
    const domain = req.headers['x-domain-id'];
    if (credential.domainId && domain && domain !== credential.domainId) {
      return accessDenied(`the AK belongs to another account than X-Domain-Id ${domain}`);
    }
    return authorize(op, credential.lacks);
  }

  return (req: WireRequest, op: Operation, ctx: HostContext): ApiError | undefined => {
    const token = req.headers['x-auth-token'];
    if (token !== undefined) return checkToken(token, op, ctx, allowedTokens) ?? authorize(op, grants.get(token));
    const authorization = req.headers['authorization'];
    if (authorization !== undefined) return checkSignature(req, authorization, op);
    return authenticationFailed('neither X-Auth-Token nor an SDK-HMAC-SHA256 signature was sent');
  };
}
