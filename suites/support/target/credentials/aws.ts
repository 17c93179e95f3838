import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { loadConfig, NODE_REGION_CONFIG_FILE_OPTIONS, NODE_REGION_CONFIG_OPTIONS } from '@smithy/core/config';
import { regionFromHost } from './region.ts';
import { CredentialsNotFound, type Resolved } from './resolved.ts';

/** Which link of the SDK's chain answered, from the feature marks it puts on the credentials ($source). */
function sourceOf(marks: Record<string, unknown>, profile: string): { source: string; hint: string } {
  const has = (k: string) => k in marks;
  const file = 'AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials, AWS_CONFIG_FILE or ~/.aws/config';
  if (has('CREDENTIALS_ENV_VARS')) {
    const names = `AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY${process.env.AWS_SESSION_TOKEN ? '/AWS_SESSION_TOKEN' : ''}`;
    return { source: 'environment variables', hint: names };
  }
  if (has('CREDENTIALS_PROFILE_SSO') || has('CREDENTIALS_SSO') || has('CREDENTIALS_PROFILE_SSO_LEGACY') || has('CREDENTIALS_SSO_LEGACY')) {
    return { source: `profile ${profile} (SSO)`, hint: `the SSO session (aws sso login --profile ${profile}) and its role's permissions` };
  }
  if (has('CREDENTIALS_PROFILE_PROCESS') || has('CREDENTIALS_PROCESS')) {
    return { source: `profile ${profile} (credential_process)`, hint: `the credential_process of profile ${profile}` };
  }
  if (has('CREDENTIALS_STS_ASSUME_ROLE') || has('CREDENTIALS_PROFILE_SOURCE_PROFILE')) {
    return { source: `profile ${profile} (assumed role)`, hint: `the role_arn and source of profile ${profile} (${file})` };
  }
  if (has('CREDENTIALS_ENV_VARS_STS_WEB_ID_TOKEN') || has('CREDENTIALS_STS_ASSUME_ROLE_WEB_ID') || has('CREDENTIALS_PROFILE_STS_WEB_ID_TOKEN')) {
    return { source: 'web identity token', hint: 'AWS_ROLE_ARN/AWS_WEB_IDENTITY_TOKEN_FILE' };
  }
  if (has('CREDENTIALS_PROFILE') || has('CREDENTIALS_PROFILE_LOGIN') || has('CREDENTIALS_PROFILE_NAMED_PROVIDER')) {
    return { source: `profile ${profile} (shared credentials file)`, hint: `the keys of profile ${profile} (${file})` };
  }
  if (has('CREDENTIALS_HTTP')) return { source: 'container credentials endpoint', hint: "the task role's permissions" };
  if (has('CREDENTIALS_IMDS')) return { source: 'instance profile (EC2 metadata)', hint: "the instance role's permissions" };
  return { source: 'AWS SDK default chain', hint: 'the credentials of the AWS SDK default chain' };
}

/** AWS_REGION, else the profile's `region` (the SDK's own loaders, without their EC2 metadata fallback). */
async function configuredRegion(profile: string): Promise<{ region: string; from: string } | undefined> {
  if (process.env.AWS_REGION) return { region: process.env.AWS_REGION, from: 'AWS_REGION' };
  const load = loadConfig({ ...NODE_REGION_CONFIG_OPTIONS, default: () => undefined as unknown as string }, NODE_REGION_CONFIG_FILE_OPTIONS);
  try {
    const region = await load();
    return region ? { region, from: `profile ${profile}` } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * AWS credentials from the SDK's default Node chain (`fromNodeProviderChain`: environment,
 * AWS_PROFILE with the shared config and credentials files, SSO, credential_process, web
 * identity, container and instance roles); the signing region from the target's host, else
 * AWS_REGION or the profile's region, else us-east-1 (a host that names none: an emulator).
 */
export async function resolveAws(url: string): Promise<Resolved> {
  const profile = process.env.AWS_PROFILE || 'default';
  let creds: Awaited<ReturnType<ReturnType<typeof fromNodeProviderChain>>>;
  try {
    creds = await fromNodeProviderChain()();
  } catch (e) {
    throw new CredentialsNotFound(
      'aws-iot',
      'set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE naming a profile of ~/.aws/credentials or ~/.aws/config (SSO: aws sso login)',
      (e as Error).message,
    );
  }
  const fromHost = regionFromHost(new URL(url).hostname);
  const configured = fromHost ? undefined : await configuredRegion(profile);
  const region = fromHost ?? configured?.region ?? 'us-east-1';
  const regionFrom = fromHost ? 'from the host' : configured ? `from ${configured.from}` : 'by default';
  const { source, hint } = sourceOf(((creds as { $source?: Record<string, unknown> }).$source ?? {}), profile);
  const credentials: Record<string, string> = { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, region };
  if (creds.sessionToken) credentials.sessionToken = creds.sessionToken;
  return { credentials, source: `${source}, region ${region} ${regionFrom}`, hint };
}
