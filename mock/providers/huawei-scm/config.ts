/** Mock credentials: published defaults, so any client can reach the mock without setup. */
export const MOCK_AK = 'CERTCONFORMMOCKAK';
export const MOCK_SK = 'certconform-mock-sk';
/** The mock account's domain id (32 hex, the shape of a real one); ListCertificates reports it. */
export const MOCK_DOMAIN_ID = 'c0f0c0f0c0f0c0f0c0f0c0f0c0f0c0f0';

/**
 * A narrower IAM grant (DeleteCertificate page, "Authorization Information": "IAM users must be
 * assigned the required permissions"): the published mock credentials of an IAM user whose
 * identity policy lacks `scm:cert:delete`, one AK/SK pair and one X-Auth-Token.
 */
export const NARROW_AK = 'CERTCONFORMNARROWAK';
export const NARROW_SK = 'certconform-narrow-sk';
export const NARROW_TOKEN = 'certconform-narrow-token-without-scm-cert-delete';
const NARROW_LACKS = ['scm:cert:delete'];

export interface AkSkCredential {
  ak: string;
  sk: string;
  /** When set, a request naming another account in X-Domain-Id is refused with 403. */
  domainId?: string;
  /** IAM actions this credential's grant lacks (absent: the account itself, every action). */
  lacks?: string[];
}

/** An X-Auth-Token whose IAM user lacks some actions; any other accepted token has them all. */
export interface TokenGrant {
  token: string;
  lacks: string[];
}

export interface HuaweiScmOptions {
  /** Accepted X-Auth-Token values; absent = any token of the documented length. */
  tokens?: string[];
  /** AK/SK pairs the mock verifies signatures with; absent = the default pair and the narrow one. */
  credentials?: AkSkCredential[];
  /** The account's domain id reported by ListCertificates. */
  domainId?: string;
  /** Tokens with a narrower grant; absent = the one default narrow token. */
  tokenGrants?: TokenGrant[];
}

export const defaultCredentials = (): AkSkCredential[] => [
  { ak: MOCK_AK, sk: MOCK_SK },
  { ak: NARROW_AK, sk: NARROW_SK, lacks: NARROW_LACKS },
];

export const defaultTokenGrants = (): TokenGrant[] => [{ token: NARROW_TOKEN, lacks: NARROW_LACKS }];
