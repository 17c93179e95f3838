import { Constants } from '@huaweicloud/huaweicloud-sdk-core/utils/constant.js';
import { CredentialsNotFound, type Resolved } from './resolved.ts';

/**
 * The variables @huaweicloud/huaweicloud-sdk-core reads when a client is built without
 * credentials (ClientBuilder maps every HUAWEICLOUD_SDK_<NAME> onto the credential's
 * with<Name>: AK, SK, SECURITY_TOKEN, PROJECT_ID, DOMAIN_ID), plus our HUAWEICLOUD_AUTH_TOKEN for
 * the documented X-Auth-Token. AK/SK signs when both are set; the token is the alternative.
 */
export function resolveHuawei(): Resolved {
  const env = process.env;
  const ak = env[Constants.ENV_HUAWEICLOUD_SDK_AK];
  const sk = env[Constants.ENV_HUAWEICLOUD_SDK_SK];
  const token = env.HUAWEICLOUD_AUTH_TOKEN;
  const out: Record<string, string> = {};
  const put = (k: string, v: string | undefined) => v && (out[k] = v);
  put('domainId', env[Constants.ENV_HUAWEICLOUD_SDK_DOMAIN_ID]);
  put('projectId', env[Constants.ENV_HUAWEICLOUD_SDK_PROJECT_ID]);
  put('xAuthToken', token);
  if (ak && sk) {
    put('ak', ak);
    put('sk', sk);
    put('securityToken', env.HUAWEICLOUD_SDK_SECURITY_TOKEN);
    const scope = out.domainId ? `, domain ${out.domainId}` : out.projectId ? `, project ${out.projectId}` : '';
    return { credentials: out, source: `environment variables (AK/SK${scope})`, hint: 'HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK' };
  }
  if (token) return { credentials: out, source: 'HUAWEICLOUD_AUTH_TOKEN (X-Auth-Token)', hint: 'HUAWEICLOUD_AUTH_TOKEN (an IAM token expires after 24 hours)' };
  throw new CredentialsNotFound('huawei-scm', 'set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (optional HUAWEICLOUD_SDK_DOMAIN_ID), or HUAWEICLOUD_AUTH_TOKEN');
}
