/** An access key pair the mock accepts (SigV4 needs the secret to recompute signatures). */
export interface AwsCredentialPair {
  accessKeyId: string;
  secretAccessKey: string;
}

/** The mock's default pair; clients configure it like any AWS credentials. Not a secret. */
export const MOCK_CREDENTIALS: AwsCredentialPair = {
  accessKeyId: 'AKIDCERTCONFORMMOCK',
  secretAccessKey: 'certconform-mock-secret',
};

/**
 * Signing names accepted in the credential scope: the JS SDK signs AWS IoT as `iot`, the
 * botocore model names `execute-api` (reference/official-models.md §1.1). Any region is accepted.
 */
export const SIGNING_SERVICES = ['iot', 'execute-api'];
