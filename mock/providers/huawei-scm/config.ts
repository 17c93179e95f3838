/** Mock credentials: published defaults, so any client can reach the mock without setup. */
export const MOCK_AK = 'CERTCONFORMMOCKAK';
export const MOCK_SK = 'certconform-mock-sk';
/** The mock account's domain id (32 hex, the shape of a real one); ListCertificates reports it. */
export const MOCK_DOMAIN_ID = 'c0f0c0f0c0f0c0f0c0f0c0f0c0f0c0f0';

export interface AkSkCredential {
  ak: string;
  sk: string;
  /** When set, a request naming another account in X-Domain-Id is refused with 403. */
  domainId?: string;
}

export interface HuaweiScmOptions {
  /** Accepted X-Auth-Token values; absent = any token of the documented length. */
  tokens?: string[];
  /** AK/SK pairs the mock verifies signatures with; absent = the one default pair. */
  credentials?: AkSkCredential[];
  /** The account's domain id reported by ListCertificates. */
  domainId?: string;
}

export const defaultCredentials = (): AkSkCredential[] => [{ ak: MOCK_AK, sk: MOCK_SK }];
