import credentials from '@alicloud/credentials';
import { CredentialsNotFound, type Resolved } from './resolved.ts';

// CommonJS package with `exports.default`: under ESM the class is the default's `default`.
const Credential = credentials.default;

/** The link of @alicloud/credentials' default chain that answered (`default/<link>/...`), named for people. */
function sourceOf(providerName: string): { source: string; hint: string } {
  const link = providerName.replace(/^default\//, '').split('/')[0] ?? '';
  const profile = process.env.ALIBABA_CLOUD_PROFILE || 'default';
  switch (link) {
    case 'env': {
      const sts = process.env.ALIBABA_CLOUD_SECURITY_TOKEN ? '/ALIBABA_CLOUD_SECURITY_TOKEN' : '';
      return { source: 'environment variables', hint: `ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET${sts}` };
    }
    case 'profile': {
      const file = process.env.ALIBABA_CLOUD_CREDENTIALS_FILE || '~/.alibabacloud/credentials';
      return { source: `credentials file ${file} (profile ${profile})`, hint: `the keys of profile ${profile} in ${file}` };
    }
    case 'cli_profile':
      return { source: `Alibaba Cloud CLI config ~/.aliyun/config.json (profile ${process.env.ALIBABA_CLOUD_PROFILE || 'current'})`, hint: 'the profile of ~/.aliyun/config.json' };
    case 'ecs_ram_role':
      return { source: 'ECS RAM role (instance metadata)', hint: "the RAM role's permissions" };
    case 'oidc_role_arn':
      return { source: 'OIDC role (ALIBABA_CLOUD_ROLE_ARN)', hint: 'ALIBABA_CLOUD_ROLE_ARN/ALIBABA_CLOUD_OIDC_PROVIDER_ARN/ALIBABA_CLOUD_OIDC_TOKEN_FILE' };
    case 'credential_uri':
      return { source: 'credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI)', hint: 'what ALIBABA_CLOUD_CREDENTIALS_URI serves' };
    default:
      return { source: `@alicloud/credentials ${providerName}`, hint: `the credentials of ${providerName}` };
  }
}

/**
 * An AccessKey (or STS token) from @alicloud/credentials' default chain: environment, OIDC
 * role, the Alibaba Cloud CLI's config, the credentials file (ALIBABA_CLOUD_CREDENTIALS_FILE or
 * ~/.alibabacloud/credentials, profile ALIBABA_CLOUD_PROFILE), the ECS RAM role, a credentials
 * URI. The instance the suite works in is ours to name: ALIBABA_MQTT_INSTANCE_ID.
 */
export async function resolveAlibaba(): Promise<Resolved> {
  const instanceId = process.env.ALIBABA_MQTT_INSTANCE_ID;
  if (!instanceId) throw new CredentialsNotFound('alibaba-mqtt', 'set ALIBABA_MQTT_INSTANCE_ID to the ApsaraMQ for MQTT instance the suite may work in', 'no instance');
  let got: Awaited<ReturnType<InstanceType<typeof Credential>['getCredential']>>;
  try {
    got = await new Credential().getCredential();
  } catch (e) {
    throw new CredentialsNotFound(
      'alibaba-mqtt',
      'set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or a profile in ~/.alibabacloud/credentials (ALIBABA_CLOUD_PROFILE)',
      (e as Error).message.replace(/^unable to get credentials from any of the providers in the chain: /, ''),
    );
  }
  if (!got.accessKeyId || !got.accessKeySecret) throw new CredentialsNotFound('alibaba-mqtt', 'the chain gave no AccessKey pair (bearer tokens do not sign RPC calls)');
  const out: Record<string, string> = { accessKeyId: got.accessKeyId, accessKeySecret: got.accessKeySecret, instanceId };
  if (got.securityToken) out.securityToken = got.securityToken;
  if (process.env.ALIBABA_MQTT_FOREIGN_INSTANCE_ID) out.foreignInstanceId = process.env.ALIBABA_MQTT_FOREIGN_INSTANCE_ID;
  return { credentials: out, ...sourceOf(got.providerName ?? '') };
}
