/** The parts of a SigV4 `Authorization` header (AWS4-HMAC-SHA256 with a credential scope). */
export interface SigV4Authorization {
  accessKeyId: string;
  /** yyyymmdd of the credential scope. */
  date: string;
  region: string;
  service: string;
  /** Lower-case header names, in the order the client listed them. */
  signedHeaders: string[];
  signature: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

/** Parses the header, or says in words what is wrong with it (never echoing the signature). */
export function parseAuthorization(value: string | undefined): SigV4Authorization | string {
  if (!value) return 'the request has no Authorization header; AWS Signature Version 4 is required';
  if (!value.startsWith(`${ALGORITHM} `)) return `the Authorization header does not use ${ALGORITHM}`;
  const fields = new Map<string, string>();
  for (const part of value.slice(ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    if (eq < 0 || fields.has(key)) return 'the Authorization header is malformed';
    fields.set(key, part.slice(eq + 1).trim());
  }
  const scope = fields.get('Credential')?.split('/') ?? [];
  const signedHeaders = fields.get('SignedHeaders')?.split(';') ?? [];
  const signature = fields.get('Signature') ?? '';
  if (fields.size !== 3 || scope.length !== 5) return 'the Authorization header needs Credential, SignedHeaders and Signature';
  const [accessKeyId, date, region, service, terminator] = scope as [string, string, string, string, string];
  if (!accessKeyId || !/^\d{8}$/.test(date) || !region || !service || terminator !== 'aws4_request') {
    return 'the credential scope must be <access key>/<yyyymmdd>/<region>/<service>/aws4_request';
  }
  if (!signedHeaders.every((h) => HEADER_NAME.test(h))) return 'SignedHeaders must list lower-case header names';
  if (!/^[0-9a-f]{64}$/.test(signature)) return 'the signature must be 64 lower-case hex digits';
  return { accessKeyId, date, region, service, signedHeaders, signature };
}

/** `x-amz-date` (yyyymmddThhmmssZ) as a Date, or undefined when it is not that form. */
export function parseAmzDate(value: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return date.getUTCDate() === d && date.getUTCMonth() === mo - 1 ? date : undefined;
}
