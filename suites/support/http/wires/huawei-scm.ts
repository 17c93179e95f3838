import { signHuawei, withAuthToken } from '../../signing/huawei.ts';
import { jsonBody, restUrl, type Wire } from '../wire.ts';

/** REST/JSON; AK/SK SDK-HMAC-SHA256 (the SDK's signer) when a key pair is given, else X-Auth-Token. */
export const huaweiScmWire: Wire = {
  encode(op, input, target) {
    const { body, headers } = jsonBody(input);
    return { method: op.method.toUpperCase(), url: restUrl(target.url, op, input), headers, body };
  },
  async authorize(req, target) {
    const c = target.credentials;
    if (c.ak && c.sk) return signHuawei(req, { credentials: { ak: c.ak, sk: c.sk, domainId: c.domainId, projectId: c.projectId, securityToken: c.securityToken } });
    if (c.xAuthToken) return withAuthToken(req, c.xAuthToken);
    throw new Error('huawei-scm: the target has neither ak/sk nor xAuthToken credentials');
  },
  secrets: (t) => [t.credentials.sk, t.credentials.xAuthToken, t.credentials.securityToken].filter((s): s is string => !!s),
};
